namespace CqpPortal.Domain.Vae;

/// <summary>Booklet 1 (livret 1: admissibility of the VAE request) or booklet 2 (livret 2: the account of experience for the jury).</summary>
public enum BookletKind { Admissibility = 1, Experience = 2 }

/// <summary>Where a booklet stands: written by the candidate, waiting for staff, returned, decided.</summary>
public enum BookletState { Draft = 0, Submitted = 1, Incomplete = 2, Admissible = 3, NotAdmissible = 4 }

/// <summary>The typed documents a booklet holds; <see cref="WorkSample"/> is booklet 2's evidence of an activity.</summary>
public enum BookletDocumentKind { EmployerAttestation = 1, PayslipOrContract = 2, IdentityDocument = 3, Diploma = 4, Other = 5, WorkSample = 6 }

public static class BookletLabels
{
    public static string Of(BookletKind kind) => kind == BookletKind.Admissibility ? "Livret 1 (recevabilité)" : "Livret 2 (description de l'expérience)";

    public static string Of(BookletState state, BookletKind kind) => state switch
    {
        BookletState.Draft => "Brouillon",
        BookletState.Submitted => "Envoyé, en attente d'examen",
        BookletState.Incomplete => "Incomplet, à compléter",
        BookletState.Admissible => kind == BookletKind.Admissibility ? "Recevable" : "Accepté pour le jury",
        BookletState.NotAdmissible => "Non recevable",
        _ => state.ToString(),
    };

    public static string Of(BookletDocumentKind kind) => kind switch
    {
        BookletDocumentKind.EmployerAttestation => "Attestation d'employeur",
        BookletDocumentKind.PayslipOrContract => "Bulletin de salaire ou contrat",
        BookletDocumentKind.IdentityDocument => "Pièce d'identité",
        BookletDocumentKind.Diploma => "Diplôme",
        BookletDocumentKind.WorkSample => "Document produit dans mon travail (courrier, compte rendu, tableau…)",
        _ => "Autre justificatif",
    };

    /// <summary>The kinds of document each booklet asks for: booklet 1 proves the experience, booklet 2 illustrates the activities.</summary>
    public static IReadOnlyList<BookletDocumentKind> KindsFor(BookletKind booklet) => booklet == BookletKind.Admissibility
        ? [BookletDocumentKind.EmployerAttestation, BookletDocumentKind.PayslipOrContract, BookletDocumentKind.IdentityDocument, BookletDocumentKind.Diploma, BookletDocumentKind.Other]
        : [BookletDocumentKind.WorkSample, BookletDocumentKind.EmployerAttestation, BookletDocumentKind.Other];

    public static string Of(VaeJobKind kind) => kind switch
    {
        VaeJobKind.TeleSecretary => "Télésecrétariat",
        VaeJobKind.Switchboard => "Standard téléphonique",
        VaeJobKind.InboundCallCentre => "Centre d'appels entrants",
        VaeJobKind.ReservationCentre => "Centrale de réservation téléphonique",
        _ => "Autre emploi",
    };
}
