using System.ComponentModel.DataAnnotations;

namespace CqpPortal.Web.Partners;

/// <summary>
/// The web sites the cahier des charges (§ 4 "Communication") asks the site to link to: SIST, AGEFOS-PME and the
/// branch. Addresses are settings (section <c>Partners</c>) because such sites move; a wrong address is refused at start.
/// The defaults are the addresses the seeds attest (README, « Partner links »): the sector's site of the cahier des
/// charges, AGEFOS-PME's domain (its contacts' addresses) and the branch's domain (seed 004's contact address).
/// </summary>
public sealed class PartnerLinks
{
    public const string Section = "Partners";

    [Required, Url] public string Sist { get; set; } = "";
    [Required, Url] public string AgefosPme { get; set; } = "";
    [Required, Url] public string Branch { get; set; } = "";

    /// <summary>The three links in the order the cahier des charges names them, with the text users read.</summary>
    public IReadOnlyList<PartnerLink> All =>
    [
        new("SIST", "SIST : le secteur du télésecrétariat et de l'accueil téléphonique", Sist),
        new("AGEFOS-PME", "AGEFOS-PME (remplacé depuis 2019 par un opérateur de compétences, OPCO)", AgefosPme),
        new("Branche", "La branche des prestataires de services du secteur tertiaire et sa CPNEFP", Branch),
    ];

    public static void Register(IServiceCollection services) =>
        services.AddOptions<PartnerLinks>().BindConfiguration(Section).ValidateDataAnnotations()
            .Validate(links => links.All.All(l => l.Url.StartsWith("https://", StringComparison.Ordinal) || l.Url.StartsWith("http://", StringComparison.Ordinal)),
                "Partners: each address must start with http:// or https://.")
            .ValidateOnStart();
}

public sealed record PartnerLink(string ShortName, string Name, string Url);
