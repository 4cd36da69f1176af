using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Formatting;
using CqpPortal.Web.Reports.AnnualPack;
using CqpPortal.Web.Reports.Excel;

namespace CqpPortal.Web.Reports.HolderOutcomes;

/// <summary>Which jury session and wave a report describes, and where the wave's answering window stands.</summary>
public sealed record SessionOutcomeHeader(
    SurveyWave Wave,
    string Certification,
    DateOnly SessionDay,
    string Place,
    DateOnly InvitationsDueOn,
    DateOnly WindowClosesOn,
    bool WindowClosed,
    int SessionId)
{
    /// <summary>« 6 mois », « 24 mois ».</summary>
    public string WaveLabel => FrenchLabels.Of(Wave);

    public string Title => $"Devenir des titulaires à {WaveLabel}";

    /// <summary>« TIT-2026-000042-6 »: the jury session, then the wave in months (one report per session and wave).</summary>
    public string Reference => Domain.Documents.DocumentReference.Of(Domain.Documents.DocumentKind.HolderOutcomes, SessionDay, SessionId, (int)Wave);

    /// <summary>The sentence on the answering window: closed, or still open (a provisional report).</summary>
    public string WindowText => WindowClosed
        ? $"Fenêtre de réponse close le {FrenchFormat.Date(WindowClosesOn)} : toutes les réponses sont prises en compte."
        : $"Rapport provisoire : la fenêtre de réponse reste ouverte jusqu'au {FrenchFormat.Date(WindowClosesOn)} ; toutes les réponses ne sont pas encore arrivées.";
}

/// <summary>
/// A session's outcome report as the shared files show it (workbook and PDF draw the same tables): the campaign's
/// counts, the answers by channel, the situations, contracts and sectors, masked as in the annual pack (1 to 4 people
/// as « &lt; 5 », a figure that would give one away as « masqué »). Counts only, nothing personal.
/// </summary>
public sealed record SessionOutcomeContent(SessionOutcomeHeader Header, IReadOnlyList<PackRow> Summary, IReadOnlyList<PackTable> Tables)
{
    public static SessionOutcomeContent From(SessionOutcomeHeader header, SessionHolderOutcomes o)
    {
        var wave = header.WaveLabel;
        var section = $"Enquête à {wave}";
        var summary = new List<PackRow>
        {
            new("Titulaires certifiés (validation totale)", [PackValue.Count(MaskedCount.Of(o.Holders))]),
            new($"Enquêtes à {wave} dues", [PackValue.Count(MaskedCount.Of(o.SurveysDue))]),
            new("Invitations envoyées", [PackValue.Count(MaskedCount.Of(o.Invited))]),
            new("Relances envoyées", [PackValue.Count(MaskedCount.Of(o.Reminded))]),
            new("Réponses reçues", [PackValue.Count(MaskedCount.Of(o.Responses))]),
            // Every answer counts, whatever its channel: a holder without e-mail answers by phone.
            new("Taux de réponse (réponses / enquêtes dues)",
                [PackValue.Percent(o.SurveysDue == 0 ? null : (double)o.Responses / o.SurveysDue, o.SurveysDue > 0 && SmallCountMasking.HidesRate(o.Responses, o.SurveysDue))]),
        };
        var tables = new List<PackTable>
        {
            new("Enquête", $"Suivi de l'enquête à {wave}", section, ["Étape", "Effectif"],
                summary.Take(5).ToList(), ChartKind.Bar, 0,
                "Titulaires : validations totales de ce jury. Une enquête est due pour chaque titulaire ; l'invitation part par e-mail, "
                    + "les relances 7 et 21 jours après tant qu'il n'y a pas de réponse."),
            AnnualPackContent.Counts("Canal de réponse", $"Réponses à {wave} par canal", section, "Canal", AnnualPackContent.Tally(o.Channel, ChannelLabel), ChartKind.Pie,
                "Lien personnel reçu par e-mail, téléphone ou papier (saisis par l'organisme), ou import du fichier de l'organisme."),
            AnnualPackContent.Counts("Situation", $"Situation des titulaires à {wave}", section, "Situation", AnnualPackContent.Tally(o.Situation, FrenchLabels.Of), ChartKind.Pie,
                $"Réponses à l'enquête à {wave} des titulaires de ce jury."),
            AnnualPackContent.Counts("Contrat", $"Contrat des titulaires en emploi à {wave}", section, "Contrat", AnnualPackContent.Tally(o.Contract, FrenchLabels.Of), ChartKind.Pie,
                "Titulaires en emploi seulement."),
            AnnualPackContent.Counts("Secteur", $"Secteur des titulaires en emploi à {wave}", section, "Secteur", AnnualPackContent.Tally(o.Sector, FrenchLabels.Of), ChartKind.Pie,
                "Titulaires en emploi seulement."),
        };
        return new SessionOutcomeContent(header, summary, tables);
    }

    public static string ChannelLabel(SurveyAnswerChannel channel) => channel switch
    {
        SurveyAnswerChannel.Online => "En ligne (lien personnel)",
        SurveyAnswerChannel.Phone => "Par téléphone",
        SurveyAnswerChannel.Paper => "Sur papier",
        _ => "Import du fichier de l'organisme",
    };

    /// <summary>The files' common name: « devenir-titulaires-6-mois-jury-2025-06-12 ».</summary>
    public static string FileStem(SurveyWave wave, DateOnly sessionDay) => $"devenir-titulaires-{(int)wave}-mois-jury-{sessionDay:yyyy-MM-dd}";
}
