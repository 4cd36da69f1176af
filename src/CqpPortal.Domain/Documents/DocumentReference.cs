using System.Globalization;

namespace CqpPortal.Domain.Documents;

/// <summary>The kinds of official documents the portal writes, each with the three-letter code its references start with.</summary>
public enum DocumentKind
{
    /// <summary>DEC: the written answer on admissibility (« décision de recevabilité »).</summary>
    AdmissibilityDecision,
    /// <summary>CON: a convocation to an evaluation, a VAE situation or a jury.</summary>
    Convocation,
    /// <summary>CFO: a convocation to a training session.</summary>
    TrainingConvocation,
    /// <summary>EMA: an evaluation session's attendance sheet (« feuille d'émargement »).</summary>
    AttendanceSheet,
    /// <summary>DEV: a candidate's evaluation file for the jury.</summary>
    EvaluationFile,
    /// <summary>LIV: a VAE booklet 2 as the jury reads it.</summary>
    JuryBooklet,
    /// <summary>INV: a jury member's invitation letter.</summary>
    JuryInvitation,
    /// <summary>PVJ: a jury's minutes (« procès-verbal »).</summary>
    JuryMinutes,
    /// <summary>CER: the certificate.</summary>
    Certificate,
    /// <summary>AVP: the attestation of a partial validation.</summary>
    PartialAttestation,
    /// <summary>REL: a trainee's monthly attendance statement.</summary>
    MonthlyStatement,
    /// <summary>AFF: the end-of-training certificate (« attestation de fin de formation »).</summary>
    EndOfTrainingCertificate,
    /// <summary>BIL: the annual review pack's PDF.</summary>
    AnnualReview,
    /// <summary>TIT: the holders' outcomes of a jury.</summary>
    HolderOutcomes,
    /// <summary>ACC: the receipt of a registration as it was sent (« accusé de réception »).</summary>
    RegistrationReceipt,
}

/// <summary>
/// A document's reference number, printed on every page: « DEC-2026-000123 » — the kind's code, the year of the day the
/// document speaks of (the decision's day, the session's day: never the day it is downloaded), and the id of what it is
/// about in six digits at least. Where one record has several documents of a kind (a candidate's convocations), a second
/// id tells them apart: « CON-2026-000123-45 ». The same document downloaded twice has the same reference.
/// </summary>
public static class DocumentReference
{
    public static string Code(DocumentKind kind) => kind switch
    {
        DocumentKind.AdmissibilityDecision => "DEC",
        DocumentKind.Convocation => "CON",
        DocumentKind.TrainingConvocation => "CFO",
        DocumentKind.AttendanceSheet => "EMA",
        DocumentKind.EvaluationFile => "DEV",
        DocumentKind.JuryBooklet => "LIV",
        DocumentKind.JuryInvitation => "INV",
        DocumentKind.JuryMinutes => "PVJ",
        DocumentKind.Certificate => "CER",
        DocumentKind.PartialAttestation => "AVP",
        DocumentKind.MonthlyStatement => "REL",
        DocumentKind.EndOfTrainingCertificate => "AFF",
        DocumentKind.AnnualReview => "BIL",
        DocumentKind.HolderOutcomes => "TIT",
        DocumentKind.RegistrationReceipt => "ACC",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A document about a whole year (the annual review): « BIL-2025 ».</summary>
    public static string OfYear(DocumentKind kind, int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        return $"{Code(kind)}-{year:0000}";
    }

    /// <param name="day">The day the document speaks of, in Paris (see the summary).</param>
    /// <param name="id">The id of the record the document is about (a registration, a session…), positive.</param>
    /// <param name="part">A second id when the record has several documents of this kind; positive when given.</param>
    public static string Of(DocumentKind kind, DateOnly day, long id, long? part = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        if (part is { } p) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p, nameof(part));
        var reference = $"{Code(kind)}-{day.Year:0000}-{id.ToString("000000", CultureInfo.InvariantCulture)}";
        return part is { } second ? $"{reference}-{second.ToString(CultureInfo.InvariantCulture)}" : reference;
    }
}
