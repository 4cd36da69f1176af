using System.Globalization;
using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Records;

/// <summary>One line of the candidates template: a candidate, their registration, its admissibility and, when there was one, the jury.</summary>
public sealed record CandidateRecord
{
    public int Line { get; init; }
    public required string LastName { get; init; }
    public required string FirstName { get; init; }
    public DateOnly BirthDate { get; init; }
    public Sex Sex { get; init; }
    public string? Email { get; init; }
    public int EducationLevel { get; init; }
    public string? HighestDiploma { get; init; }
    public int TeleSecretaryMonths { get; init; }
    public int PhoneJobMonths { get; init; }
    public int PhoneTimeShare { get; init; }
    public PhoneJobKind? PhoneJobKind { get; init; }
    public IReadOnlyList<string> Sectors { get; init; } = [];
    public EmploymentStatus Status { get; init; }
    public string? Employer { get; init; }
    public CertificationRoute Route { get; init; }
    public Funding? Funding { get; init; }
    public Region Region { get; init; }
    public DateOnly RegisteredOn { get; init; }
    public RegistrationState Admissibility { get; init; }
    public DateOnly? JuryOn { get; init; }
    public JuryResult? JuryResult { get; init; }
    public IReadOnlyList<int> ValidatedUnits { get; init; } = [];
    public DateOnly? CertifiedOn { get; init; }

    /// <summary>The cells of this record in the template's column order, as the transmission file writes them.</summary>
    public IReadOnlyList<string> ToCells() =>
    [
        LastName, FirstName, RecordText.Date(BirthDate), FrenchLabels.Of(Sex), Email ?? "", EducationLevels.Label(EducationLevel),
        HighestDiploma ?? "", Invariant(TeleSecretaryMonths), Invariant(PhoneJobMonths), Invariant(PhoneTimeShare),
        PhoneJobKind is { } kind ? FrenchLabels.TemplateLabel(kind) : "", string.Join(", ", Sectors), FrenchLabels.Of(Status),
        Employer ?? "", FrenchLabels.Of(Route), Funding is { } funding ? FrenchLabels.TemplateLabel(funding) : "", FrenchLabels.Of(Region),
        RecordText.Date(RegisteredOn), FrenchLabels.Of(Admissibility), RecordText.Date(JuryOn),
        JuryResult is { } result ? FrenchLabels.Of(result) : "", string.Join(",", ValidatedUnits), RecordText.Date(CertifiedOn),
    ];

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Reads the candidates template. A cell that cannot be read is an error (the whole file is refused); a recorded
/// decision that contradicts the rules (admissible without the prerequisites, units that do not match the result) is
/// imported as recorded, with a warning.
/// </summary>
public sealed class CandidateRecordParser(IReadOnlyList<int> unitNumbers, PrerequisiteRules? prerequisites = null)
{
    public const int MaxMonths = 600;

    public RecordParseResult<CandidateRecord> Parse(RecordSheet sheet)
    {
        var (positions, headerErrors) = RecordTemplates.Candidates.Locate(sheet.Headers);
        if (headerErrors.Count > 0) return new([], headerErrors, []);
        var errors = new List<RecordIssue>();
        var warnings = new List<RecordIssue>();
        var records = new List<CandidateRecord>();
        var seen = new Dictionary<(string, string, DateOnly, DateOnly, DateOnly?), int>();
        var registrations = new Dictionary<(string, string, DateOnly, DateOnly), CandidateRecord>();
        var candidates = new Dictionary<(string, string, DateOnly), CandidateRecord>();
        foreach (var line in sheet.Lines.Where(l => !l.IsBlank))
        {
            var before = errors.Count;
            var record = ParseLine(new RecordCells(line, positions, errors), warnings);
            if (errors.Count > before || record is null) continue;
            var key = (RecordText.Key(record.LastName), RecordText.Key(record.FirstName), record.BirthDate, record.RegisteredOn, record.JuryOn);
            if (!seen.TryAdd(key, line.Number))
            {
                errors.Add(new RecordIssue(line.Number, RecordTemplates.LastName, record.LastName,
                    $"Ligne en double : même candidat, même date d'inscription et même jury que la ligne {seen[key]}."));
                continue;
            }
            if (Contradiction(record, registrations, candidates) is { } contradiction) { errors.Add(contradiction); continue; }
            records.Add(record);
        }
        return new(errors.Count == 0 ? records : [], errors, warnings);
    }

    /// <summary>
    /// Lines of one registration (one per jury) must agree on the registration, and lines of one person on the person:
    /// otherwise the last line would win and importing the file again would change it back and forth.
    /// </summary>
    private static RecordIssue? Contradiction(CandidateRecord r, Dictionary<(string, string, DateOnly, DateOnly), CandidateRecord> registrations,
        Dictionary<(string, string, DateOnly), CandidateRecord> candidates)
    {
        var person = (RecordText.Key(r.LastName), RecordText.Key(r.FirstName), r.BirthDate);
        if (!candidates.TryAdd(person, r))
        {
            var first = candidates[person];
            var differs = new List<string>();
            if (first.Sex != r.Sex) differs.Add(CandidateColumns.Sex);
            if ((first.Email ?? r.Email) != (r.Email ?? first.Email)) differs.Add(CandidateColumns.Email);
            if (differs.Count > 0)
                return new RecordIssue(r.Line, differs[0], "", $"Même candidat que la ligne {first.Line}, mais avec une autre valeur de : {string.Join(", ", differs)}.");
        }
        var key = (person.Item1, person.Item2, r.BirthDate, r.RegisteredOn);
        if (registrations.TryAdd(key, r)) return null;
        var same = registrations[key];
        var columns = new List<string>();
        void Compare<T>(string column, T a, T b) { if (!EqualityComparer<T>.Default.Equals(a, b)) columns.Add(column); }
        Compare(CandidateColumns.EducationLevel, same.EducationLevel, r.EducationLevel);
        Compare(CandidateColumns.HighestDiploma, same.HighestDiploma, r.HighestDiploma);
        Compare(CandidateColumns.TeleSecretaryMonths, same.TeleSecretaryMonths, r.TeleSecretaryMonths);
        Compare(CandidateColumns.PhoneJobMonths, same.PhoneJobMonths, r.PhoneJobMonths);
        Compare(CandidateColumns.PhoneTimeShare, same.PhoneTimeShare, r.PhoneTimeShare);
        Compare(CandidateColumns.PhoneJobKind, same.PhoneJobKind, r.PhoneJobKind);
        Compare(CandidateColumns.Sectors, string.Join(",", same.Sectors), string.Join(",", r.Sectors));
        Compare(CandidateColumns.Status, same.Status, r.Status);
        Compare(CandidateColumns.Employer, same.Employer, r.Employer);
        Compare(CandidateColumns.Route, same.Route, r.Route);
        Compare(CandidateColumns.Funding, same.Funding, r.Funding);
        Compare(CandidateColumns.Region, same.Region, r.Region);
        Compare(CandidateColumns.Admissibility, same.Admissibility, r.Admissibility);
        if (same.CertifiedOn is { } a && r.CertifiedOn is { } b && a != b) columns.Add(RecordTemplates.CertifiedOn);
        return columns.Count == 0 ? null
            : new RecordIssue(r.Line, columns[0], "", $"Même inscription que la ligne {same.Line} (même candidat, même date d'inscription), mais avec une autre valeur de : {string.Join(", ", columns)}.");
    }

    private CandidateRecord? ParseLine(RecordCells cells, List<RecordIssue> warnings)
    {
        var lastName = cells.Text(RecordTemplates.LastName, 100, required: true);
        var firstName = cells.Text(RecordTemplates.FirstName, 100, required: true);
        var birthDate = cells.Date(RecordTemplates.BirthDate, required: true);
        var sex = cells.Label(CandidateColumns.Sex, ImportLabels.Sex, required: true);
        var email = cells.Text(CandidateColumns.Email, 256);
        if (email is not null && !LooksLikeEmail(email)) cells.Error(CandidateColumns.Email, "Adresse e-mail invalide.");
        var level = cells.Label(CandidateColumns.EducationLevel, ImportLabels.EducationLevel, required: true);
        var diploma = cells.Text(CandidateColumns.HighestDiploma, 200);
        var teleMonths = cells.Number(CandidateColumns.TeleSecretaryMonths, 0, MaxMonths, required: true, unit: " mois");
        var phoneMonths = cells.Number(CandidateColumns.PhoneJobMonths, 0, MaxMonths, required: true, unit: " mois");
        var share = cells.Number(CandidateColumns.PhoneTimeShare, 0, 100, unit: " %");
        var kind = cells.Label(CandidateColumns.PhoneJobKind, ImportLabels.PhoneJobKind);
        var sectors = (cells.Text(CandidateColumns.Sectors, 1000) ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (sectors.Any(s => s.Length > 200)) cells.Error(CandidateColumns.Sectors, "Chaque secteur fait 200 caractères au plus.");
        var status = cells.Label(CandidateColumns.Status, ImportLabels.Status, required: true);
        var employer = cells.Text(CandidateColumns.Employer, 200);
        var route = cells.Label(CandidateColumns.Route, ImportLabels.Route, required: true);
        var funding = cells.Label(CandidateColumns.Funding, ImportLabels.Funding);
        var region = cells.Label(CandidateColumns.Region, ImportLabels.Region, required: true);
        var registeredOn = cells.Date(CandidateColumns.RegisteredOn, required: true);
        var admissibility = cells.Label(CandidateColumns.Admissibility, ImportLabels.Admissibility, required: true);
        var juryOn = cells.Date(CandidateColumns.JuryOn);
        var result = cells.Label(CandidateColumns.JuryResult, ImportLabels.JuryResult);
        var units = Units(cells);
        var certifiedOn = cells.Date(RecordTemplates.CertifiedOn);

        if (birthDate is { } birth && registeredOn is { } registered && MinimumAge.WhyRefusedAtRegistration(birth, registered) is { } tooYoung)
            cells.Error(RecordTemplates.BirthDate, tooYoung);
        // Cross checks look at empty cells only: a cell that could not be read has its own error already.
        bool Empty(string column) => cells.Raw(column).Length == 0;
        if (result is not null && Empty(CandidateColumns.JuryOn)) cells.Error(CandidateColumns.JuryOn, "Date obligatoire quand le résultat du jury est donné (JJ/MM/AAAA).");
        if (juryOn is not null && Empty(CandidateColumns.JuryResult)) cells.Error(CandidateColumns.JuryResult, "Résultat obligatoire quand la date du jury est donnée : « Validation totale », « Validation partielle » ou « Non validé ».");
        if (units is { Count: > 0 } && Empty(CandidateColumns.JuryOn) && Empty(CandidateColumns.JuryResult)) cells.Error(CandidateColumns.ValidatedUnits, "Des unités validées demandent la date et le résultat du jury.");
        if (certifiedOn is not null && Empty(CandidateColumns.JuryOn)) cells.Error(RecordTemplates.CertifiedOn, "Une date d'obtention demande la date et le résultat du jury.");

        if (lastName is null || firstName is null || birthDate is null || sex is null || level is null || teleMonths is null || phoneMonths is null
            || status is null || route is null || region is null || registeredOn is null || admissibility is null || units is null)
            return null;

        var record = new CandidateRecord
        {
            Line = cells.Line, LastName = lastName, FirstName = firstName, BirthDate = birthDate.Value, Sex = sex.Value, Email = email,
            EducationLevel = level.Value, HighestDiploma = diploma, TeleSecretaryMonths = teleMonths.Value, PhoneJobMonths = phoneMonths.Value,
            PhoneTimeShare = share ?? 0, PhoneJobKind = kind, Sectors = sectors, Status = status.Value, Employer = employer, Route = route.Value,
            Funding = funding, Region = region.Value, RegisteredOn = registeredOn.Value, Admissibility = admissibility.Value,
            JuryOn = juryOn, JuryResult = result, CertifiedOn = certifiedOn,
            // A total validation without its units listed validates them all.
            ValidatedUnits = result == JuryResult.TotalValidation && units.Count == 0 ? unitNumbers.Order().ToList() : units,
        };
        warnings.AddRange(Inconsistencies(record));
        return record;
    }

    /// <summary>"1,3" (or "1;3", "1 3", and 1.3 when French Excel took it for a number): unit numbers of the certification.</summary>
    private List<int>? Units(RecordCells cells)
    {
        var text = cells.Raw(CandidateColumns.ValidatedUnits);
        var parts = text.Split([',', ';', '.', ' ', '/', '+', '-'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var units = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var unit) || !unitNumbers.Contains(unit))
            {
                cells.Error(CandidateColumns.ValidatedUnits, $"Numéros d'unités séparés par des virgules attendus (ex. « 1,3 ») parmi {string.Join(", ", unitNumbers)}.");
                return null;
            }
            if (!units.Contains(unit)) units.Add(unit);
        }
        units.Sort();
        return units;
    }

    private IEnumerable<RecordIssue> Inconsistencies(CandidateRecord r)
    {
        RecordIssue Warn(string column, string value, string why) => new(r.Line, column, value, why + " Importé tel qu'enregistré.");
        if (prerequisites is not null && r.Admissibility == RegistrationState.Admissible)
        {
            var check = prerequisites.Check(new PrerequisiteInput(r.EducationLevel, r.TeleSecretaryMonths, r.PhoneJobMonths, r.PhoneTimeShare, r.PhoneJobKind, r.Route));
            if (!check.Eligible)
                yield return Warn(CandidateColumns.Admissibility, FrenchLabels.Of(r.Admissibility), "Déclaré recevable, mais les prérequis ne sont pas remplis : " + string.Join(" ", check.Missing));
        }
        if (r.JuryOn is { } jury && jury < r.RegisteredOn)
            yield return Warn(CandidateColumns.JuryOn, RecordText.Date(jury), "Le jury est antérieur à la date d'inscription.");
        if (r.JuryResult is { } result)
        {
            var units = string.Join(",", r.ValidatedUnits);
            if (result == Vocabulary.JuryResult.TotalValidation && r.ValidatedUnits.Count > 0 && r.ValidatedUnits.Count != unitNumbers.Count)
                yield return Warn(CandidateColumns.ValidatedUnits, units, "Une validation totale valide toutes les unités.");
            if (result == Vocabulary.JuryResult.PartialValidation && (r.ValidatedUnits.Count == 0 || r.ValidatedUnits.Count == unitNumbers.Count))
                yield return Warn(CandidateColumns.ValidatedUnits, units, "Une validation partielle valide une partie des unités seulement.");
            if (result == Vocabulary.JuryResult.NotValidated && r.ValidatedUnits.Count > 0)
                yield return Warn(CandidateColumns.ValidatedUnits, units, "Aucune unité n'est validée quand le jury ne valide pas.");
            if (result == Vocabulary.JuryResult.Absent && r.ValidatedUnits.Count > 0)
                yield return Warn(CandidateColumns.ValidatedUnits, units, "Un candidat absent au jury ne valide aucune unité.");
            if (result != Vocabulary.JuryResult.TotalValidation && r.CertifiedOn is { } certified)
                yield return Warn(RecordTemplates.CertifiedOn, RecordText.Date(certified), "Une date d'obtention suit une validation totale.");
            if (r.CertifiedOn is { } on && r.JuryOn is { } juryOn && on < juryOn)
                yield return Warn(RecordTemplates.CertifiedOn, RecordText.Date(on), "La date d'obtention est antérieure au jury.");
        }
        if (r.Admissibility != RegistrationState.Admissible && r.JuryOn is { } juryDay)
            yield return Warn(CandidateColumns.Admissibility, FrenchLabels.Of(r.Admissibility), $"Un jury ({RecordText.Date(juryDay)}) est enregistré pour une candidature non recevable.");
    }

    private static bool LooksLikeEmail(string text) =>
        text.IndexOf('@') is var at and > 0 && at < text.Length - 3 && text.IndexOf('.', at) > at + 1 && !text.Any(char.IsWhiteSpace) && text.Count(c => c == '@') == 1;
}
