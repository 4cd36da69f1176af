using System.Net.Mail;

namespace CqpPortal.Domain.Contacts;

/// <summary>What a visitor asks about, chosen from a short list so that staff can sort the messages.</summary>
public enum ContactSubject { Candidate = 1, Company = 2, Other = 3 }

/// <summary>What a visitor typed in the contact form.</summary>
public sealed record ContactMessageInput(string? Name, string? Email, string? Phone, ContactSubject? Subject, string? Message);

/// <summary>The check of a contact message: its French errors by field (empty when it may be sent).</summary>
public sealed record ContactMessageCheck(IReadOnlyDictionary<string, string> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The public contact form's rules: a name, an e-mail address to answer to, an optional telephone number, a subject
/// from the list and a message, each within a length that fits an e-mail to staff (the cahier des charges asks the
/// organisation to answer companies and candidates: the form must carry enough to answer, and nothing oversize).
/// </summary>
public static class ContactMessageRules
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int PhoneMaxLength = 20;
    public const int MessageMinLength = 10;
    public const int MessageMaxLength = 4000;

    public static string Label(ContactSubject subject) => subject switch
    {
        ContactSubject.Candidate => "Je suis candidat(e) ou je souhaite le devenir",
        ContactSubject.Company => "Je représente une entreprise",
        _ => "Autre demande",
    };

    public static ContactMessageCheck Check(ContactMessageInput input)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors[nameof(input.Name)] = "Saisissez votre nom.";
        else if (name.Length > NameMaxLength) errors[nameof(input.Name)] = $"Le nom ne peut dépasser {NameMaxLength} caractères.";

        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0) errors[nameof(input.Email)] = "Saisissez votre adresse e-mail : c'est à elle que nous répondrons.";
        else if (email.Length > EmailMaxLength || !IsEmailAddress(email)) errors[nameof(input.Email)] = "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr.";

        var phone = input.Phone?.Trim() ?? "";
        if (phone.Length > 0 && (phone.Length > PhoneMaxLength || !IsPhoneNumber(phone)))
            errors[nameof(input.Phone)] = "Saisissez un numéro de téléphone (chiffres, espaces, points, tirets ou « + »), ou laissez le champ vide.";

        if (input.Subject is not { } subject || !Enum.IsDefined(subject)) errors[nameof(input.Subject)] = "Choisissez l'objet de votre message.";

        var message = input.Message?.Trim() ?? "";
        if (message.Length == 0) errors[nameof(input.Message)] = "Saisissez votre message.";
        else if (message.Length < MessageMinLength) errors[nameof(input.Message)] = $"Votre message est trop court : {MessageMinLength} caractères au moins.";
        else if (message.Length > MessageMaxLength) errors[nameof(input.Message)] = $"Votre message dépasse {MessageMaxLength} caractères ({message.Length}) : raccourcissez-le.";
        return new ContactMessageCheck(errors);
    }

    /// <summary>One address, no display name, no line break (nothing that could add a header to the e-mail).</summary>
    private static bool IsEmailAddress(string email) =>
        !email.Any(char.IsWhiteSpace) && MailAddress.TryCreate(email, out var address) && address.Address == email && email.Contains('.', StringComparison.Ordinal);

    /// <summary>A French or international number: 6 to 15 digits, with the usual separators.</summary>
    private static bool IsPhoneNumber(string phone)
    {
        if (!phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')')) return false;
        if (phone.IndexOf('+', 1) >= 0) return false;
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 15;
    }
}
