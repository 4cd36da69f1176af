using CqpPortal.Domain.Vae;

namespace CqpPortal.Domain.Tests.Vae;

/// <summary>Booklet 1's job lines, what stops each booklet from being sent, and what a staff decision must carry.</summary>
public class BookletRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static JobLine Good() => new("Allo Services", "Télésecrétaire", new DateOnly(2019, 1, 1), new DateOnly(2021, 12, 31), 100, 80,
        VaeJobKind.TeleSecretary, "Accueil téléphonique");

    private static IReadOnlyList<JobLineProblem> Check(params JobLine[] lines) => BookletRules.CheckJobs(lines, Today);

    [Fact]
    public void A_complete_line_has_no_problem()
    {
        Assert.Empty(Check(Good(), Good() with { MainActivities = null, PhoneTimeShare = 0, FullTimeShare = 1 }));
    }

    [Fact]
    public void Each_missing_field_is_named_on_its_own_line()
    {
        var problems = Check(Good(), new JobLine(" ", null, null, null, null, null, null, null));

        Assert.Equal(
        [
            (1, "Employer", "Indiquez l'employeur ou l'organisme."),
            (1, "JobTitle", "Indiquez l'intitulé du poste."),
            (1, "From", "Indiquez la date de début."),
            (1, "To", "Indiquez la date de fin (aujourd'hui pour un emploi en cours)."),
            (1, "FullTimeShare", "Indiquez la quotité de temps de travail."),
            (1, "PhoneTimeShare", "Indiquez la part du temps passée au téléphone."),
            (1, "Kind", "Choisissez le type d'emploi."),
        ], problems.Select(p => (p.Line, p.Field, p.Message)));
    }

    [Fact]
    public void An_end_before_the_start_is_refused_on_the_end_date()
    {
        var problem = Assert.Single(Check(Good() with { From = new DateOnly(2021, 1, 1), To = new DateOnly(2020, 12, 31) }));

        Assert.Equal(("To", "La date de fin doit suivre la date de début."), (problem.Field, problem.Message));
    }

    [Fact]
    public void A_job_may_end_today_but_not_tomorrow()
    {
        Assert.Empty(Check(Good() with { To = Today }));
        var problem = Assert.Single(Check(Good() with { To = Today.AddDays(1) }));
        Assert.Equal(("To", "La date de fin ne peut pas être dans le futur : indiquez aujourd'hui pour un emploi en cours."), (problem.Field, problem.Message));
    }

    [Fact]
    public void A_start_before_1950_is_taken_for_a_typing_mistake()
    {
        Assert.Empty(Check(Good() with { From = new DateOnly(1950, 1, 1) }));
        Assert.Equal("Vérifiez l'année de début.", Assert.Single(Check(Good() with { From = new DateOnly(1949, 12, 31) })).Message);
    }

    [Theory]
    [InlineData(0, 50, "FullTimeShare", "La quotité est comprise entre 1 et 100 %.")]
    [InlineData(101, 50, "FullTimeShare", "La quotité est comprise entre 1 et 100 %.")]
    [InlineData(100, -1, "PhoneTimeShare", "La part du temps au téléphone est comprise entre 0 et 100 %.")]
    [InlineData(100, 101, "PhoneTimeShare", "La part du temps au téléphone est comprise entre 0 et 100 %.")]
    public void Shares_are_percentages(int fullTime, int phone, string field, string message)
    {
        var problem = Assert.Single(Check(Good() with { FullTimeShare = fullTime, PhoneTimeShare = phone }));

        Assert.Equal((field, message), (problem.Field, problem.Message));
    }

    [Fact]
    public void Texts_have_their_length_limits()
    {
        var problems = Check(Good() with { Employer = new string('a', 201), JobTitle = new string('b', 200), MainActivities = new string('c', 4001) });

        Assert.Equal([("Employer", "200 caractères au plus."), ("MainActivities", "4000 caractères au plus.")], problems.Select(p => (p.Field, p.Message)));
    }

    [Fact]
    public void An_unknown_kind_of_job_is_refused()
    {
        Assert.Equal("Kind", Assert.Single(Check(Good() with { Kind = (VaeJobKind)99 })).Field);
    }

    [Fact]
    public void A_line_without_employer_title_dates_or_activities_is_blank()
    {
        Assert.True(new JobLine(" ", null, null, null, 100, 50, VaeJobKind.Other, "").IsBlank);
        Assert.False((Good() with { Employer = null, JobTitle = null, From = null, MainActivities = null }).IsBlank);
    }

    [Fact]
    public void Booklet_one_is_sent_with_a_job_the_sworn_statement_and_a_document()
    {
        Assert.Empty(BookletRules.AdmissibilityProblems(jobs: 1, sworn: true, documents: 1));
        Assert.Equal(
        [
            "Déclarez au moins un emploi ou une activité bénévole.",
            "Cochez la déclaration sur l'honneur.",
            "Joignez au moins un justificatif (attestation d'employeur, bulletin de salaire ou contrat…).",
        ], BookletRules.AdmissibilityProblems(jobs: 0, sworn: false, documents: 0));
    }

    [Fact]
    public void Booklet_two_is_sent_once_every_activity_has_a_described_situation()
    {
        Assert.Empty(BookletRules.ExperienceProblems([new ActivityCoverage("A.1.1", "Accueillir", true)]));
        Assert.Equal(["Activité A.1.2 (Prendre des messages) : décrivez au moins une situation (contexte et ce que vous avez fait)."],
            BookletRules.ExperienceProblems([new ActivityCoverage("A.1.1", "Accueillir", true), new ActivityCoverage("A.1.2", "Prendre des messages", false)]));
    }

    [Theory]
    [InlineData("Un standard de 12 lignes", "J'ai répondu", true)]
    [InlineData("Un standard de 12 lignes", " ", false)]
    [InlineData(null, "J'ai répondu", false)]
    public void A_situation_is_described_by_its_context_and_what_was_done(string? context, string? actions, bool described)
    {
        Assert.Equal(described, BookletRules.IsDescribed(context, actions));
    }

    [Fact]
    public void A_decision_must_be_chosen()
    {
        Assert.Equal([("Decision", "Choisissez une décision.")], BookletRules.DecisionProblems(BookletKind.Admissibility, null, null, []));
    }

    [Fact]
    public void Refusing_booklet_one_needs_a_motive()
    {
        Assert.Equal("Motive", Assert.Single(BookletRules.DecisionProblems(BookletKind.Admissibility, BookletState.NotAdmissible, " ", [])).Field);
        Assert.Empty(BookletRules.DecisionProblems(BookletKind.Admissibility, BookletState.NotAdmissible, "Expérience sans rapport avec le CQP.", []));
    }

    [Fact]
    public void Returning_a_booklet_as_incomplete_names_what_is_missing()
    {
        Assert.Equal(("MissingItems", "Indiquez au moins un élément à compléter, un par ligne."),
            Assert.Single(BookletRules.DecisionProblems(BookletKind.Experience, BookletState.Incomplete, null, [" "])));
        Assert.Empty(BookletRules.DecisionProblems(BookletKind.Experience, BookletState.Incomplete, null, ["A.1.1 : précisez le résultat."]));
    }

    [Theory]
    [InlineData(BookletKind.Experience, BookletState.NotAdmissible)]
    [InlineData(BookletKind.Admissibility, BookletState.Submitted)]
    [InlineData(BookletKind.Admissibility, BookletState.Draft)]
    public void Booklet_two_is_never_declared_not_admissible_and_a_decision_is_never_a_draft_or_a_submission(BookletKind kind, BookletState decision)
    {
        Assert.Equal(("Decision", "Choisissez une décision."), Assert.Single(BookletRules.DecisionProblems(kind, decision, "Motif", [])));
    }
}
