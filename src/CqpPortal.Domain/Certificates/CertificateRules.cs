using CqpPortal.Domain.Vocabulary;

namespace CqpPortal.Domain.Certificates;

/// <summary>What a jury decision gives the candidate.</summary>
public enum JuryOutcomeDocument { None, Certificate, PartialAttestation }

/// <summary>Where a paper certificate is: drawn up by the portal, signed (CPNEFP, SIST, holder), sent to the holder.</summary>
public enum CertificateState { ToSign, Signed, Sent }

/// <summary>
/// Seed 001 (« dispositif global »): « Délivrance de la certification : CPNEFP. Coordination et certificat papier établi
/// par SIST sous la responsabilité de la CPNEFP. Signatures par CPNEFP, SIST et candidat. » A total validation gives a
/// certificate; a partial one an attestation of the units acquired (they stay acquired within the journey's deadline).
/// SIST marks the paper certificate signed, then sent — in that order, once each.
/// </summary>
public static class CertificateRules
{
    public static JuryOutcomeDocument DocumentFor(JuryResult result) => result switch
    {
        JuryResult.TotalValidation => JuryOutcomeDocument.Certificate,
        JuryResult.PartialValidation => JuryOutcomeDocument.PartialAttestation,
        _ => JuryOutcomeDocument.None,
    };

    public static CertificateState StateOf(DateTimeOffset? signedAt, DateTimeOffset? sentAt) =>
        sentAt is not null ? CertificateState.Sent : signedAt is not null ? CertificateState.Signed : CertificateState.ToSign;

    public static string Label(CertificateState state) => state switch
    {
        CertificateState.ToSign => "à signer",
        CertificateState.Signed => "signé",
        _ => "envoyé",
    };

    /// <summary>Null when SIST may mark the certificate signed; otherwise why not, in French.</summary>
    public static string? WhyNotMarkSigned(CertificateState state) =>
        state == CertificateState.ToSign ? null : "Ce certificat est déjà marqué signé.";

    /// <summary>Null when SIST may mark the certificate sent; otherwise why not, in French.</summary>
    public static string? WhyNotMarkSent(CertificateState state) => state switch
    {
        CertificateState.ToSign => "Marquez d'abord le certificat signé : il est envoyé au titulaire une fois signé par la CPNEFP, le SIST et le titulaire.",
        CertificateState.Sent => "Ce certificat est déjà marqué envoyé.",
        _ => null,
    };
}
