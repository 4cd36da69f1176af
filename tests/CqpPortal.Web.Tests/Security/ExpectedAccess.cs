using CqpPortal.Web.Identity;

namespace CqpPortal.Web.Tests.Security;

/// <summary>
/// Who may open what, written out here on purpose and not read from <see cref="Areas"/>: loosening the site's policy
/// must make the adversarial suite fail, not loosen the suite with it. A page is placed by the longest folder holding it.
/// </summary>
public static class ExpectedAccess
{
    private static readonly string[] Everyone = [.. Roles.All];

    /// <summary>Folders (of page paths or endpoint routes) and the roles that may open them.</summary>
    public static readonly IReadOnlyList<(string Folder, string[] Roles)> Folders =
    [
        ("/Candidat", [Roles.Candidate]),
        // The registration steps: staff enter paper forms through them.
        ("/Candidat/Inscription", [Roles.Candidate, Roles.Staff, Roles.Administrator]),
        ("/Entreprise", [Roles.CompanyManager]),
        ("/Staff", [Roles.Staff, Roles.Administrator]),
        // The journal of reads of others' files: the administrator alone (staff's own reads are in it).
        ("/Staff/Journal", [Roles.Administrator]),
        ("/Evaluation", [Roles.Evaluator]),
        ("/Jury", [Roles.JuryMember]),
        ("/Analyse", [Roles.SistAnalyst, Roles.Committee]),
        ("/Analyse/Rapports", [Roles.SistAnalyst, Roles.Committee, Roles.Staff, Roles.Administrator]),
        ("/Analyse/Certificats", [Roles.SistAnalyst]),
        ("/Analyse/AvisConforme", [Roles.SistAnalyst]),
        ("/Analyse/Enquetes", [Roles.SistAnalyst]),
        // The evaluators' register is kept by SIST; the committee sees no names.
        ("/Analyse/Evaluateurs", [Roles.SistAnalyst]),
        // A trainee's documents: the trainee, the company following them, the organisation; nobody else.
        ("/Formation", [Roles.Candidate, Roles.CompanyManager, Roles.Staff, Roles.Administrator]),
        // The account's own pages: anyone signed in.
        ("/Compte/MotDePasse", Everyone),
        ("/Compte/Sessions", Everyone),
        ("/Compte/DoubleAuthentification", Everyone),
    ];

    /// <summary>Pages and endpoints anyone may open, signed in or not.</summary>
    public static readonly IReadOnlySet<string> Public = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/Index", "/Page", "/Erreur", "/Contact/Index", "/Partenaires/Index", "/Prerequis/Verifier", "/Referentiel/Index",
        "/Certificats/Verifier", "/Calendrier/Index", "/Calendrier/Session", "/Calendrier/Ics", "/Calendrier/Flux",
        "/Documents/Index", "/Documents/Bibliotheque", "/Documents/Fichier",
        "/Enquete/Index", "/Enquete/Desinscription", "/Enquete/Merci",
        "/Compte/Connexion", "/Compte/Connexion/Code", "/Compte/Connexion/CodeDeSecours", "/Compte/Deconnexion",
        "/Compte/Inscription", "/Compte/AccesEntreprise", "/Compte/AccesRefuse", "/Compte/Activer", "/Compte/ConfirmationEnvoyee",
        "/Compte/ConfirmerEmail", "/Compte/MotDePasseOublie", "/Compte/ReinitialiserMotDePasse", "/Compte/RenvoyerConfirmation",
        "/robots.txt", "/sitemap.xml", "/health", "/health/live", "/health/ready", "/api/prerequisites/check",
    };

    /// <summary>Pages whose records belong to someone: a user of these roles opening another person's ids gets nothing.</summary>
    public static readonly IReadOnlyList<string> PersonalRoles = [Roles.Candidate, Roles.CompanyManager, Roles.Evaluator, Roles.JuryMember];

    /// <summary>Where signed-in users who are refused are sent: it answers 403 to everyone, by design.</summary>
    public const string AccessDenied = "/Compte/AccesRefuse";

    /// <summary>Pages that take posts without an anti-forgery token, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> PostsWithoutToken = new Dictionary<string, string>
    {
        ["/Erreur"] = "the error page is re-executed for failed posts, whose token is already refused or spent",
    };

    /// <summary>The Hangfire dashboard answers for itself: 401 to anonymous visitors and 403 to other roles (no sign-in redirect).</summary>
    public const string JobsDashboard = "/Staff/Taches";

    /// <summary>The roles allowed on <paramref name="path"/> (a page path or a route), null when public; throws when it is nowhere.</summary>
    public static string[]? RolesFor(string path)
    {
        if (Public.Contains(path)) return null;
        var folder = Folders.Where(f => path.Equals(f.Folder, StringComparison.OrdinalIgnoreCase) || path.StartsWith(f.Folder + "/", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(f => f.Folder.Length).Select(f => f.Roles).FirstOrDefault();
        return folder ?? throw new UnexpectedEndpointException(
            $"{path} is in no folder of ExpectedAccess.Folders and is not listed in ExpectedAccess.Public: say who may open it.");
    }
}

public sealed class UnexpectedEndpointException(string message) : Exception(message);
