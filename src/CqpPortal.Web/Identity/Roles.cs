namespace CqpPortal.Web.Identity;

/// <summary>The portal's roles, each with its own area (folder under Pages/) and the French name users see.</summary>
public static class Roles
{
    public const string Candidate = "Candidate";
    public const string CompanyManager = "CompanyManager";
    public const string Staff = "Staff";
    public const string Evaluator = "Evaluator";
    public const string JuryMember = "JuryMember";
    public const string SistAnalyst = "SistAnalyst";
    public const string Committee = "Committee";

    /// <summary>The organisation's administrator: the staff area, plus the actions of the jobs dashboard (retry, delete).</summary>
    public const string Administrator = "Administrator";

    /// <summary>The organisation's people: staff, and the administrator who has the staff area too.</summary>
    public static bool IsStaff(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(Staff) || user.IsInRole(Administrator);

    /// <summary>
    /// The roles that read other people's files (candidates' files, grids, decisions, named statistics): their sessions
    /// end after 30 minutes idle and 12 hours at most (<see cref="Domain.Accounts.SessionLifetime"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> ReadingOthersFiles = [Staff, Administrator, Evaluator, JuryMember, SistAnalyst, Committee];

    public static bool ReadsOthersFiles(System.Security.Claims.ClaimsPrincipal user) => ReadingOthersFiles.Any(user.IsInRole);

    public static readonly IReadOnlyList<string> All = [Candidate, CompanyManager, Staff, Evaluator, JuryMember, SistAnalyst, Committee, Administrator];

    public static string Label(string role) => role switch
    {
        Candidate => "Candidat",
        CompanyManager => "Responsable d'entreprise",
        Staff => "Organisme de formation",
        Evaluator => "Évaluateur",
        JuryMember => "Membre du jury",
        SistAnalyst => "SIST",
        Committee => "Comité de veille",
        Administrator => "Administrateur",
        _ => role,
    };
}

/// <summary>Each audience folder and the roles allowed in it; secured once in <c>AddPortalWeb</c>.</summary>
public static class Areas
{
    public static readonly IReadOnlyList<(string Folder, string Policy, string[] Roles, string Title)> All =
    [
        ("/Candidat", "Area.Candidat", [Roles.Candidate], "Mon espace candidat"),
        ("/Entreprise", "Area.Entreprise", [Roles.CompanyManager], "Espace entreprise"),
        ("/Staff", "Area.Staff", [Roles.Staff, Roles.Administrator], "Espace de l'organisme"),
        ("/Evaluation", "Area.Evaluation", [Roles.Evaluator], "Espace évaluateur"),
        ("/Jury", "Area.Jury", [Roles.JuryMember], "Espace jury"),
        ("/Analyse", "Area.Analyse", [Roles.SistAnalyst, Roles.Committee], "Statistiques et veille"),
        // Inside /Analyse but open to staff too (the most specific folder decides); last, so it is nobody's home.
        ("/Analyse/Rapports", "Area.Rapports", [Roles.SistAnalyst, Roles.Committee, Roles.Staff, Roles.Administrator], "Rapports et dossiers annuels"),
        // Inside /Candidat: the registration steps open to staff too, for the paper forms they enter (the wizard gives staff
        // only the paper file they name, RegistrationWizard.SubjectFor); last, so it is nobody's home.
        ("/Candidat/Inscription", "Area.Inscription", [Roles.Candidate, Roles.Staff, Roles.Administrator], "Bulletin d'inscription"),
        // Inside /Analyse but SIST's alone: the holders' register is nominative, the committee sees only anonymous figures.
        ("/Analyse/Certificats", "Area.Certificats", [Roles.SistAnalyst], "Certificats et registre des titulaires"),
        // Inside /Analyse but SIST's alone: the « avis conforme » is given by SIST's analysts on behalf of the CPNEFP.
        ("/Analyse/AvisConforme", "Area.AvisConforme", [Roles.SistAnalyst], "Avis conforme"),
        // Inside /Analyse but SIST's alone: the answers file names holders (« transmission de ce fichier à SIST »).
        ("/Analyse/Enquetes", "Area.Enquetes", [Roles.SistAnalyst], "Réponses aux enquêtes des titulaires"),
    ];

    /// <summary>The area securing a page: the one with the longest folder containing it (null for public pages).</summary>
    public static (string Folder, string Policy, string[] Roles, string Title)? Of(string viewEnginePath) =>
        All.Where(a => viewEnginePath.StartsWith(a.Folder + "/", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.Folder.Length)
            .Cast<(string, string, string[], string)?>().FirstOrDefault();

    /// <summary>Where a user lands after signing in: the first area one of their roles opens.</summary>
    public static (string Folder, string Title)? HomeFor(Func<string, bool> isInRole) =>
        All.Where(a => a.Roles.Any(isInRole)).Select(a => (a.Folder, a.Title)).Cast<(string, string)?>().FirstOrDefault();
}
