using System.ComponentModel.DataAnnotations;

namespace CqpPortal.Web.Contacts;

/// <summary>
/// How to reach the training organisation (section <c>Organisation</c>): the cahier des charges asks it to answer
/// companies and candidates by telephone (« Renseigner les chefs d'entreprise ou les candidats par téléphone »). Shown in
/// every page's footer and on /Contact; the contact form's messages go to <see cref="Email"/>. The demo values of
/// appsettings.json are placeholders for the organisation to set.
/// </summary>
public sealed class OrganisationContact
{
    public const string Section = "Organisation";

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
}
