using CqpPortal.Domain.Prerequisites;
using CqpPortal.Domain.Records;
using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Tests.Records;

public class CandidateRecordParserTests
{
    private static readonly PrerequisiteRules Rules = new(new PrerequisiteThresholds
    {
        TeleSecretaryMonths = 12, TeleSecretaryMonthsWithLevel4 = 6,
        PhoneJobMonths = 24, PhoneJobMonthsWithLevel4 = 12, PhoneJobMinimumPhoneShare = 50,
        VaeRelatedExperienceMonths = 36,
    });

    private static readonly CandidateRecordParser Parser = new([1, 2, 3, 4], Rules);

    /// <summary>A good line, in the template's order; a test changes the cells it is about.</summary>
    private static Dictionary<string, string> Good() => new()
    {
        ["Nom"] = "Durand", ["Prénom"] = "Léa", ["Date de naissance"] = "17/05/1990", ["Sexe"] = "F", ["Email"] = "lea.durand@exemple.fr",
        ["Niveau de formation"] = "Niveau 4", ["Diplôme le plus élevé"] = "Bac pro", ["Expérience télésecrétariat (mois)"] = "14",
        ["Expérience téléphonique (mois)"] = "24", ["Part du temps au téléphone (%)"] = "60", ["Type de poste téléphonique"] = "Standard",
        ["Secteurs d'expérience"] = "Secrétariat médical, Hôtellerie", ["Statut"] = "Salarié", ["Entreprise"] = "Allo Services",
        ["Voie"] = "Formation", ["Financement"] = "CPF", ["Région"] = "Île-de-France", ["Date d'inscription"] = "03/02/2025",
        ["Recevabilité"] = "Recevable", ["Date du jury"] = "12/06/2025", ["Résultat du jury"] = "Validation partielle",
        ["Unités validées"] = "1,3", ["Date d'obtention"] = "",
    };

    private static RecordSheet Sheet(params Dictionary<string, string>[] lines) => new(
        RecordTemplates.Candidates.Columns,
        lines.Select((l, i) => new RecordLine(i + 2, RecordTemplates.Candidates.Columns.Select(c => l.GetValueOrDefault(c, "")).ToList())).ToList());

    private static Dictionary<string, string> With(string column, string value)
    {
        var line = Good();
        line[column] = value;
        return line;
    }

    [Fact]
    public void A_good_line_gives_every_field_with_its_type()
    {
        var result = Parser.Parse(Sheet(Good()));

        Assert.Empty(result.Errors);
        var r = Assert.Single(result.Records);
        Assert.Equal(2, r.Line);
        Assert.Equal(("Durand", "Léa", new DateOnly(1990, 5, 17), Sex.Female), (r.LastName, r.FirstName, r.BirthDate, r.Sex));
        Assert.Equal((4, 14, 24, 60, PhoneJobKind.Switchboard), (r.EducationLevel, r.TeleSecretaryMonths, r.PhoneJobMonths, r.PhoneTimeShare, r.PhoneJobKind));
        Assert.Equal(["Secrétariat médical", "Hôtellerie"], r.Sectors);
        Assert.Equal((EmploymentStatus.Employee, CertificationRoute.Training, Funding.Cpf, Region.IleDeFrance), (r.Status, r.Route, r.Funding, r.Region));
        Assert.Equal((new DateOnly(2025, 2, 3), RegistrationState.Admissible), (r.RegisteredOn, r.Admissibility));
        Assert.Equal((new DateOnly(2025, 6, 12), JuryResult.PartialValidation), (r.JuryOn, r.JuryResult));
        Assert.Equal([1, 3], r.ValidatedUnits);
        Assert.Null(r.CertifiedOn);
    }

    [Fact]
    public void Labels_match_whatever_their_case_accents_and_apostrophes()
    {
        var line = Good();
        line["Région"] = "ile-de-france";
        line["Statut"] = "DEMANDEUR D’EMPLOI";
        line["Niveau de formation"] = "sans diplome";
        line["Financement"] = "Personnel";
        line["Type de poste téléphonique"] = "Centrale de réservation";

        var r = Assert.Single(Parser.Parse(Sheet(line)).Records);

        Assert.Equal((Region.IleDeFrance, EmploymentStatus.JobSeeker, 0, Funding.Personal, PhoneJobKind.ReservationCentre),
            (r.Region, r.Status, r.EducationLevel, r.Funding, r.PhoneJobKind));
    }

    [Theory]
    [InlineData("Standard", PhoneJobKind.Switchboard)]
    [InlineData("Standard téléphonique", PhoneJobKind.Switchboard)]
    [InlineData("Centre d'appels entrants", PhoneJobKind.InboundCallCentre)]
    [InlineData("Centrale de réservation", PhoneJobKind.ReservationCentre)]
    [InlineData("Autre", PhoneJobKind.Other)]
    public void Phone_job_kinds_are_read_from_the_template_labels_and_the_forms_labels(string label, PhoneJobKind kind) =>
        Assert.Equal(kind, Assert.Single(Parser.Parse(Sheet(With("Type de poste téléphonique", label))).Records).PhoneJobKind);

    [Theory]
    [InlineData("Contrat de professionnalisation", Funding.ProfessionalisationContract)]
    [InlineData("Période de professionnalisation", Funding.ProA)]
    [InlineData("Pro-A", Funding.ProA)]
    [InlineData("CPF", Funding.Cpf)]
    [InlineData("CIF", Funding.CpfTransition)]
    [InlineData("CPF de transition professionnelle", Funding.CpfTransition)]
    [InlineData("France Travail", Funding.FranceTravail)]
    [InlineData("Pôle emploi", Funding.FranceTravail)]
    [InlineData("Plan de développement des compétences", Funding.SkillsDevelopmentPlan)]
    [InlineData("Personnel", Funding.Personal)]
    [InlineData("Autre", Funding.Other)]
    public void Fundings_are_read_from_todays_labels_and_the_labels_before_2019_as_their_successors(string label, Funding funding) =>
        Assert.Equal(funding, Assert.Single(Parser.Parse(Sheet(With("Financement", label))).Records).Funding);

    [Theory]
    [InlineData("1,3", new[] { 1, 3 })]
    [InlineData("3, 1", new[] { 1, 3 })]
    [InlineData("1.3", new[] { 1, 3 })]
    [InlineData("1;2;4", new[] { 1, 2, 4 })]
    [InlineData("2", new[] { 2 })]
    public void Validated_units_are_unit_numbers_separated_by_commas(string cell, int[] units) =>
        Assert.Equal(units, Assert.Single(Parser.Parse(Sheet(With("Unités validées", cell))).Records).ValidatedUnits);

    [Fact]
    public void A_total_validation_without_units_listed_validates_them_all()
    {
        var line = Good();
        line["Résultat du jury"] = "Validation totale";
        line["Unités validées"] = "";
        line["Date d'obtention"] = "20/06/2025";

        var result = Parser.Parse(Sheet(line));

        var r = Assert.Single(result.Records);
        Assert.Equal([1, 2, 3, 4], r.ValidatedUnits);
        Assert.Equal(new DateOnly(2025, 6, 20), r.CertifiedOn);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("Date de naissance", "1990-05-17", "Date attendue au format JJ/MM/AAAA.")]
    [InlineData("Date de naissance", "31/02/1990", "Date attendue au format JJ/MM/AAAA.")]
    [InlineData("Date d'inscription", "", "Date obligatoire (JJ/MM/AAAA).")]
    [InlineData("Sexe", "X", "Valeur inconnue : valeurs possibles « F », « M ».")]
    [InlineData("Région", "Atlantide", "Valeur inconnue : valeurs possibles « Nord », « Ouest », « Est », « Sud », « Île-de-France », « Outre-mer », "
        + "« Auvergne-Rhône-Alpes », « Bourgogne-Franche-Comté », « Bretagne », « Centre-Val de Loire », « Corse », « Grand Est », « Hauts-de-France », "
        + "« Normandie », « Nouvelle-Aquitaine », « Occitanie », « Pays de la Loire », « Provence-Alpes-Côte d'Azur », « Guadeloupe », « Martinique », "
        + "« Guyane », « La Réunion », « Mayotte ».")]
    [InlineData("Expérience télésecrétariat (mois)", "douze", "Nombre entier attendu.")]
    [InlineData("Expérience télésecrétariat (mois)", "12,5", "Nombre entier attendu.")]
    [InlineData("Expérience télésecrétariat (mois)", "601", "Nombre attendu entre 0 et 600 mois.")]
    [InlineData("Part du temps au téléphone (%)", "120", "Nombre attendu entre 0 et 100 %.")]
    [InlineData("Unités validées", "1,7", "Numéros d'unités séparés par des virgules attendus (ex. « 1,3 ») parmi 1, 2, 3, 4.")]
    [InlineData("Email", "lea.exemple.fr", "Adresse e-mail invalide.")]
    [InlineData("Nom", "", "Valeur obligatoire.")]
    public void A_cell_that_cannot_be_read_is_an_error_naming_line_column_value_and_why(string column, string value, string why)
    {
        var result = Parser.Parse(Sheet(Good(), With(column, value)));

        Assert.Empty(result.Records);
        var error = Assert.Single(result.Errors);
        Assert.Equal(new RecordIssue(3, column, value, why), error);
    }

    [Fact]
    public void Every_bad_line_and_every_bad_cell_is_listed()
    {
        var twoBad = Good();
        twoBad["Sexe"] = "X";
        twoBad["Date du jury"] = "demain";

        var result = Parser.Parse(Sheet(With("Voie", "Apprentissage"), Good(), twoBad));

        Assert.Equal([(2, "Voie"), (4, "Sexe"), (4, "Date du jury")], result.Errors.Select(e => (e.Line, e.Column)));
        Assert.Empty(result.Records);
    }

    [Fact]
    public void A_missing_or_unknown_column_is_named_in_the_header_line()
    {
        var headers = RecordTemplates.Candidates.Columns.Where(c => c != "Région").Append("Commentaire").ToList();

        var result = Parser.Parse(new RecordSheet(headers, [new RecordLine(2, headers.Select(_ => "x").ToList())]));

        Assert.Contains(result.Errors, e => e is { Line: 1, Column: "Région", Why: "Colonne manquante dans la ligne d'en-tête." });
        Assert.Contains(result.Errors, e => e is { Line: 1, Column: "Commentaire" } && e.Why.StartsWith("Colonne inconnue"));
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Columns_are_found_in_any_order_and_blank_lines_are_skipped()
    {
        var headers = RecordTemplates.Candidates.Columns.Reverse().Select(h => h.ToUpperInvariant()).ToList();
        var good = Good();
        var sheet = new RecordSheet(headers,
        [
            new RecordLine(2, RecordTemplates.Candidates.Columns.Reverse().Select(c => good[c]).ToList()),
            new RecordLine(3, headers.Select(_ => " ").ToList()),
        ]);

        var r = Assert.Single(Parser.Parse(sheet).Records);

        Assert.Equal("Durand", r.LastName);
    }

    [Fact]
    public void An_admissible_candidate_without_the_prerequisites_is_imported_with_a_warning()
    {
        var line = Good();
        line["Expérience télésecrétariat (mois)"] = "2";
        line["Expérience téléphonique (mois)"] = "3";

        var result = Parser.Parse(Sheet(line));

        Assert.Single(result.Records);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal((2, "Recevabilité", "Recevable"), (warning.Line, warning.Column, warning.Value));
        Assert.StartsWith("Déclaré recevable, mais les prérequis ne sont pas remplis", warning.Why);
    }

    [Fact]
    public void A_total_validation_with_some_units_only_is_imported_as_recorded_with_a_warning()
    {
        var line = With("Résultat du jury", "Validation totale");

        var result = Parser.Parse(Sheet(line));

        Assert.Equal([1, 3], Assert.Single(result.Records).ValidatedUnits);
        Assert.Equal("Une validation totale valide toutes les unités. Importé tel qu'enregistré.", Assert.Single(result.Warnings).Why);
    }

    [Fact]
    public void A_jury_result_needs_its_date_and_a_date_its_result()
    {
        var result = Parser.Parse(Sheet(With("Date du jury", ""), With("Résultat du jury", "")));

        Assert.Equal([(2, "Date du jury"), (3, "Résultat du jury")], result.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void The_same_candidate_registration_and_jury_twice_is_an_error()
    {
        var result = Parser.Parse(Sheet(Good(), With("Nom", "DURAND")));

        Assert.Equal("Ligne en double : même candidat, même date d'inscription et même jury que la ligne 2.", Assert.Single(result.Errors).Why);
    }

    [Fact]
    public void Two_juries_of_one_registration_are_two_lines_that_agree_on_the_registration()
    {
        var second = With("Date du jury", "15/10/2025");
        second["Résultat du jury"] = "Validation totale";
        second["Unités validées"] = "1,2,3,4";
        second["Date d'obtention"] = "30/10/2025";

        var result = Parser.Parse(Sheet(Good(), second));

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Records.Count);
    }

    [Fact]
    public void Lines_of_one_registration_that_disagree_are_refused_so_that_a_second_import_changes_nothing()
    {
        var second = With("Date du jury", "15/10/2025");
        second["Région"] = "Sud";
        second["Financement"] = "CIF";
        var otherPerson = With("Date d'inscription", "01/01/2026");
        otherPerson["Sexe"] = "M";
        otherPerson["Date du jury"] = "";
        otherPerson["Résultat du jury"] = "";
        otherPerson["Unités validées"] = "";

        var result = Parser.Parse(Sheet(Good(), second, otherPerson));

        Assert.Equal(
        [
            (3, "Financement", "Même inscription que la ligne 2 (même candidat, même date d'inscription), mais avec une autre valeur de : Financement, Région."),
            (4, "Sexe", "Même candidat que la ligne 2, mais avec une autre valeur de : Sexe."),
        ], result.Errors.Select(e => (e.Line, e.Column, e.Why)));
    }

    [Fact]
    public void A_candidate_under_16_at_registration_is_refused()
    {
        var result = Parser.Parse(Sheet(With("Date de naissance", "04/02/2009")));

        Assert.Equal("Le candidat doit avoir au moins 16 ans à la date d'inscription.", Assert.Single(result.Errors).Why);
    }

    [Fact]
    public void A_record_written_as_cells_reads_back_the_same()
    {
        var record = Assert.Single(Parser.Parse(Sheet(Good())).Records);

        var again = Assert.Single(Parser.Parse(new RecordSheet(RecordTemplates.Candidates.Columns, [new RecordLine(2, record.ToCells())])).Records);

        Assert.Equal(record with { Sectors = [], ValidatedUnits = [] }, again with { Sectors = [], ValidatedUnits = [] });
        Assert.Equal(record.Sectors, again.Sectors);
        Assert.Equal(record.ValidatedUnits, again.ValidatedUnits);
    }

    [Fact]
    public void The_template_has_the_issues_23_columns_in_order()
    {
        Assert.Equal(
            "Nom; Prénom; Date de naissance; Sexe; Email; Niveau de formation; Diplôme le plus élevé; Expérience télésecrétariat (mois); "
            + "Expérience téléphonique (mois); Part du temps au téléphone (%); Type de poste téléphonique; Secteurs d'expérience; Statut; "
            + "Entreprise; Voie; Financement; Région; Date d'inscription; Recevabilité; Date du jury; Résultat du jury; Unités validées; Date d'obtention",
            string.Join("; ", RecordTemplates.Candidates.Columns));
        Assert.Equal(
            "Nom; Prénom; Date de naissance; Date d'obtention; Vague; Date de réponse; Situation; Statut du contrat; Secteur; Emploi occupé; "
            + "Niveau de la formation suivie; Code NSF; Entreprise",
            string.Join("; ", RecordTemplates.Surveys.Columns));
    }
}
