namespace CqpPortal.Domain.Vocabulary;

/// <summary>The French words users and exports see for each value. One place, so pages and reports agree.</summary>
public static class FrenchLabels
{
    public static string Of(CertificationRoute value) => value switch
    {
        CertificationRoute.Training => "Formation",
        CertificationRoute.Vae => "VAE",
        CertificationRoute.Free => "Candidat libre",
        _ => value.ToString(),
    };

    public static string Of(Sex value) => value == Sex.Female ? "F" : "M";

    public static string Of(EmploymentStatus value) => value switch
    {
        EmploymentStatus.Employee => "Salarié",
        EmploymentStatus.JobSeeker => "Demandeur d'emploi",
        _ => "Autre",
    };

    public static string Of(Region value) => value switch
    {
        Region.Nord => "Nord",
        Region.Ouest => "Ouest",
        Region.Est => "Est",
        Region.Sud => "Sud",
        Region.IleDeFrance => "Île-de-France",
        Region.OutreMer => "Outre-mer",
        Region.AuvergneRhoneAlpes => "Auvergne-Rhône-Alpes",
        Region.BourgogneFrancheComte => "Bourgogne-Franche-Comté",
        Region.Bretagne => "Bretagne",
        Region.CentreValDeLoire => "Centre-Val de Loire",
        Region.Corse => "Corse",
        Region.GrandEst => "Grand Est",
        Region.HautsDeFrance => "Hauts-de-France",
        Region.Normandie => "Normandie",
        Region.NouvelleAquitaine => "Nouvelle-Aquitaine",
        Region.Occitanie => "Occitanie",
        Region.PaysDeLaLoire => "Pays de la Loire",
        Region.ProvenceAlpesCoteDAzur => "Provence-Alpes-Côte d'Azur",
        Region.Guadeloupe => "Guadeloupe",
        Region.Martinique => "Martinique",
        Region.Guyane => "Guyane",
        Region.LaReunion => "La Réunion",
        Region.Mayotte => "Mayotte",
        _ => value.ToString(),
    };

    public static string Of(Funding value) => value switch
    {
        Funding.Cpf => "CPF",
        Funding.CpfTransition => "CPF de transition professionnelle",
        Funding.ProA => "Pro-A (reconversion ou promotion par l'alternance)",
        Funding.ProfessionalisationContract => "Contrat de professionnalisation",
        Funding.SkillsDevelopmentPlan => "Plan de développement des compétences",
        Funding.FranceTravail => "France Travail",
        Funding.Personal => "Financement personnel",
        _ => "Autre",
    };

    public static string Of(PhoneJobKind value) => value switch
    {
        PhoneJobKind.Switchboard => "Standard téléphonique",
        PhoneJobKind.InboundCallCentre => "Centre d'appels entrants",
        PhoneJobKind.ReservationCentre => "Centrale de réservation téléphonique",
        _ => "Autre",
    };

    public static string Of(RegistrationState value) => value switch
    {
        RegistrationState.Draft => "Brouillon",
        RegistrationState.Submitted => "En attente",
        RegistrationState.Incomplete => "Incomplet",
        RegistrationState.Admissible => "Recevable",
        RegistrationState.NotAdmissible => "Non recevable",
        RegistrationState.Withdrawn => "Abandon",
        RegistrationState.Expired => "Délai dépassé",
        _ => value.ToString(),
    };

    public static string Of(ProofKind value) => value switch
    {
        ProofKind.Experience => "Justificatif d'expérience",
        ProofKind.Diploma => "Diplôme",
        ProofKind.Requested => "Document demandé",
        _ => value.ToString(),
    };

    public static string Of(ApprovalState value) => value switch
    {
        ApprovalState.Proposed => "Proposé (en attente d'avis conforme)",
        ApprovalState.Approved => "Publié (avis conforme)",
        ApprovalState.Refused => "Refusé",
        _ => value.ToString(),
    };

    public static string Of(SessionKind value) => value switch
    {
        SessionKind.Evaluation => "Évaluation (mise en situation professionnelle simulée)",
        SessionKind.VaeSituation => "Mise en situation VAE",
        SessionKind.Jury => "Jury",
        SessionKind.Training => "Formation",
        _ => value.ToString(),
    };

    public static string Of(Sessions.SessionAvailability value) => value switch
    {
        Sessions.SessionAvailability.Open => "Ouverte",
        Sessions.SessionAvailability.Full => "Complète (liste d'attente)",
        Sessions.SessionAvailability.RegistrationClosed => "Inscriptions closes",
        Sessions.SessionAvailability.Cancelled => "Annulée",
        Sessions.SessionAvailability.ByConvocation => "Sur convocation (pas d'inscription en ligne)",
        Sessions.SessionAvailability.ByTrainingOrganisation => "Sur inscription par l'organisme de formation",
        _ => value.ToString(),
    };

    public static string Of(JuryResult value) => value switch
    {
        JuryResult.TotalValidation => "Validation totale",
        JuryResult.PartialValidation => "Validation partielle",
        JuryResult.Absent => "Absent",
        _ => "Non validé",
    };

    public static string Of(Attendance value) => value switch
    {
        Attendance.Present => "Présent",
        Attendance.Absent => "Absent",
        _ => "Absent justifié",
    };

    public static string Of(HalfDay value) => value == HalfDay.Morning ? "Matin" : "Après-midi";

    public static string Of(PositioningSide value) => value == PositioningSide.Company ? "Pré-positionnement en entreprise" : "Positionnement au centre de formation";

    public static string Of(PositioningLevel value) => value switch
    {
        PositioningLevel.Mastered => "Maîtrisée",
        PositioningLevel.Partly => "Partiellement maîtrisée",
        _ => "Pas encore maîtrisée",
    };

    public static string Of(EvaluatorRole value) => value == EvaluatorRole.Evaluator ? "Évaluateur" : "Co-évaluateur";

    public static string Of(HabilitationState value) => value switch
    {
        HabilitationState.Active => "Habilité",
        HabilitationState.Suspended => "Suspendu",
        _ => "Retiré",
    };

    public static string Of(HabilitationAction value) => value switch
    {
        HabilitationAction.Granted => "Habilitation accordée",
        HabilitationAction.Renewed => "Habilitation renouvelée",
        HabilitationAction.Suspended => "Habilitation suspendue",
        HabilitationAction.Reinstated => "Habilitation rétablie",
        _ => "Habilitation retirée",
    };

    public static string Of(EvaluatorLinkKind value) => value == EvaluatorLinkKind.TrainedCandidate ? "Candidat formé par l'évaluateur" : "Entreprise de l'évaluateur";

    /// <summary>An evaluation modality of the referential data (stored as a code) as the accord says it.</summary>
    public static string Modality(string modality) => modality switch
    {
        "observation-simulated-situation" => "observation en situation simulée sur dossier école",
        "simulated-situation" => "mise en situation simulée",
        "interview-case-study" => "entretien sur étude de cas",
        "interview" => "entretien avec l'évaluateur",
        "self-assessment-real-situation" => "auto-évaluation en situation réelle",
        _ => modality,
    };

    public static string Of(SurveyWave value) => value == SurveyWave.SixMonths ? "6 mois" : "24 mois";

    public static string Of(HolderSituation value) => value switch
    {
        HolderSituation.Employed => "En emploi",
        HolderSituation.JobSeeker => "Demandeur d'emploi",
        HolderSituation.InTraining => "En formation",
        _ => "Autre",
    };

    public static string Of(EmploymentContract value) => value switch
    {
        EmploymentContract.Cdi => "CDI",
        EmploymentContract.Cdd => "CDD",
        EmploymentContract.SelfEmployed => "Non salarié",
        _ => "Intérimaire",
    };

    public static string Of(EmploymentSector value) => value == EmploymentSector.Branch ? "Dans la branche" : "Autre branche";

    /// <summary>How a survey answer came: the answers file's « Canal » and the staff pages.</summary>
    public static string Of(SurveyAnswerChannel value) => value switch
    {
        SurveyAnswerChannel.Online => "En ligne",
        SurveyAnswerChannel.Phone => "Téléphone",
        SurveyAnswerChannel.Paper => "Papier",
        _ => "Import",
    };

    /// <summary>
    /// The phone job kinds as the import template and the SIST transmission file write them (issue 6), shorter than
    /// the form's labels; both are read back by the import.
    /// </summary>
    public static string TemplateLabel(PhoneJobKind value) => value switch
    {
        PhoneJobKind.Switchboard => "Standard",
        PhoneJobKind.InboundCallCentre => "Centre d'appels entrants",
        PhoneJobKind.ReservationCentre => "Centrale de réservation",
        _ => "Autre",
    };

    /// <summary>The funding mechanisms as the import template writes them (issue 6); the form's labels are read back too.</summary>
    public static string TemplateLabel(Funding value) => value switch
    {
        Funding.Personal => "Personnel",
        Funding.ProA => "Pro-A",
        _ => Of(value),
    };
}
