using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using CqpPortal.Domain.Vocabulary;
using Microsoft.Extensions.Options;

namespace CqpPortal.Web.Contacts;

/// <summary>
/// The training organisation (section <c>Organisation</c>): how to reach it — the cahier des charges asks it to answer
/// companies and candidates by telephone (« Renseigner les chefs d'entreprise ou les candidats par téléphone »), shown in
/// every page's footer and on /Contact, the contact form's messages going to <see cref="Email"/> — and who it is: the
/// identity block, « Fait à … » and signatory of every letter and PDF, and the legal notice (LCEN: publisher, director of
/// publication, host). appsettings.json gives demonstration values for the telephone, e-mail and address, which a
/// deployment sets with its own (<c>Organisation__*</c>); the identity has no default and is required in Production
/// (<see cref="OrganisationContactValidation"/>).
/// </summary>
public sealed partial class OrganisationContact
{
    public const string Section = "Organisation";

    /// <summary>The legal name (« dénomination sociale »), e.g. « Centre de formation Exemple SAS ».</summary>
    public string Name { get; set; } = "";

    /// <summary>The establishment's SIRET (14 digits, spaces allowed), checked with its key.</summary>
    public string Siret { get; set; } = "";

    /// <summary>The « numéro de déclaration d'activité » of a training provider (11 digits); optional.</summary>
    public string? ActivityDeclaration { get; set; }

    /// <summary>The site's address as printed on documents; optional.</summary>
    public string? Website { get; set; }

    /// <summary>Where documents are made (« Fait à … »); when empty, the last address line without its postcode.</summary>
    public string? City { get; set; }

    /// <summary>Who signs letters and certified documents for the organisation.</summary>
    public string SignatoryName { get; set; } = "";

    public string SignatoryRole { get; set; } = "Responsable de la certification";

    /// <summary>The director of publication of the site (LCEN, art. 6): a person's name, with their role if wished.</summary>
    public string PublicationDirector { get; set; } = "";

    /// <summary>The host of the site (LCEN, art. 6): its name, its postal address (lines separated by « | ») and telephone.</summary>
    public string HostName { get; set; } = "";

    public string HostAddress { get; set; } = "";

    public string HostPhone { get; set; } = "";

    /// <summary>As people dial it, e.g. « 01 23 45 67 89 ».</summary>
    [Required, RegularExpression(@"^\+?[0-9 .()-]{6,25}$", ErrorMessage = "Organisation:Phone must be a telephone number (digits, spaces, dots, hyphens, an optional leading +).")]
    public string Phone { get; set; } = "";

    /// <summary>The organisation's generic address (never a person's): shown, and where contact messages are sent.</summary>
    [Required, EmailAddress]
    public string Email { get; set; } = "";

    /// <summary>The postal address; lines separated by « | » or new lines.</summary>
    [Required]
    public string Address { get; set; } = "";

    /// <summary>When someone answers the telephone; not shown when empty.</summary>
    public string? OfficeHours { get; set; }

    /// <summary>Contact messages one client address may send per window (then a French « too many » with the text kept).</summary>
    [Range(1, 1000)]
    public int MessagesPerWindow { get; set; } = 3;

    [Range(1, 1440)]
    public int MessageWindowMinutes { get; set; } = 10;

    public IReadOnlyList<string> AddressLines =>
        Address.Split(['|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The tel: link of <see cref="Phone"/>: « 01 23 45 67 89 » → tel:+33123456789.</summary>
    public string PhoneLink
    {
        get
        {
            var digits = new string(Phone.Where(char.IsAsciiDigit).ToArray());
            if (Phone.TrimStart().StartsWith('+')) return "tel:+" + digits;
            return digits.Length == 10 && digits[0] == '0' ? "tel:+33" + digits[1..] : "tel:" + digits;
        }
    }

    public IReadOnlyList<string> HostAddressLines =>
        HostAddress.Split(['|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>« 123 456 789 00012 »: the SIREN in threes, then the NIC.</summary>
    public string SiretDisplay
    {
        get
        {
            var digits = Domain.Vocabulary.Siret.Normalize(Siret);
            return digits.Length == 14 ? $"{digits[..3]} {digits[3..6]} {digits[6..9]} {digits[9..]}" : digits;
        }
    }

    /// <summary>The city of « Fait à … »: <see cref="City"/>, else the last address line without its postcode (« 75010 Paris » → « Paris »).</summary>
    public string MadeIn =>
        !string.IsNullOrWhiteSpace(City) ? City.Trim()
            : AddressLines.LastOrDefault() is { } last ? Postcode().Replace(last, "").Trim() : "";

    [GeneratedRegex(@"^\d{5}\s+")]
    private static partial Regex Postcode();
}

/// <summary>
/// The checks annotations cannot express: a SIRET, when given, must be valid (its key); in Production the identity
/// printed on documents and the legal notice must be set, or the node refuses to start naming the variables to set.
/// </summary>
public sealed class OrganisationContactValidation(IHostEnvironment environment) : IValidateOptions<OrganisationContact>
{
    public ValidateOptionsResult Validate(string? name, OrganisationContact o)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(o.Siret) && !Siret.IsValid(o.Siret))
            failures.Add($"Organisation__Siret: « {o.Siret} » is not a valid SIRET (14 digits with a valid key).");
        if (environment.IsProduction())
        {
            var missing = new (string Key, string? Value)[]
            {
                ("Name", o.Name), ("Siret", o.Siret), ("SignatoryName", o.SignatoryName), ("SignatoryRole", o.SignatoryRole),
                ("PublicationDirector", o.PublicationDirector), ("HostName", o.HostName), ("HostAddress", o.HostAddress), ("HostPhone", o.HostPhone),
            }.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => "Organisation__" + s.Key).ToList();
            if (missing.Count > 0)
                failures.Add($"In Production the organisation's identity (letters, PDFs, legal notice) must be set: {string.Join(", ", missing)}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
