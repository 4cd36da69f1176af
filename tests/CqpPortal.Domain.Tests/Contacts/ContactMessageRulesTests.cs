using CqpPortal.Domain.Contacts;

namespace CqpPortal.Domain.Tests.Contacts;

public class ContactMessageRulesTests
{
    private static ContactMessageInput Input(string? name = "Claire Dupont", string? email = "claire.dupont@exemple.fr", string? phone = null,
        ContactSubject? subject = ContactSubject.Candidate, string? message = "Quelles sont les prochaines dates d'évaluation ?") =>
        new(name, email, phone, subject, message);

    [Fact]
    public void A_complete_message_without_a_phone_number_may_be_sent()
    {
        Assert.True(ContactMessageRules.Check(Input()).IsValid);
    }

    [Theory]
    [InlineData("01 23 45 67 89")]
    [InlineData("+33 1 23 45 67 89")]
    [InlineData("01.23.45.67.89")]
    public void A_french_or_international_phone_number_is_accepted(string phone)
    {
        Assert.True(ContactMessageRules.Check(Input(phone: phone)).IsValid);
    }

    [Fact]
    public void An_empty_form_names_each_missing_field_in_french()
    {
        var errors = ContactMessageRules.Check(new ContactMessageInput(" ", "", null, null, "  ")).Errors;
        Assert.Equal("Saisissez votre nom.", errors["Name"]);
        Assert.StartsWith("Saisissez votre adresse e-mail", errors["Email"]);
        Assert.Equal("Choisissez l'objet de votre message.", errors["Subject"]);
        Assert.Equal("Saisissez votre message.", errors["Message"]);
        Assert.False(errors.ContainsKey("Phone"));
    }

    [Fact]
    public void An_oversize_message_is_refused_with_its_length()
    {
        var errors = ContactMessageRules.Check(Input(message: new string('a', ContactMessageRules.MessageMaxLength + 1))).Errors;
        Assert.Contains("dépasse 4000 caractères (4001)", errors["Message"]);
    }

    [Fact]
    public void A_message_of_a_few_letters_is_too_short()
    {
        Assert.Contains("trop court", ContactMessageRules.Check(Input(message: "Bonjour")).Errors["Message"]);
    }

    [Fact]
    public void An_oversize_name_is_refused()
    {
        Assert.True(ContactMessageRules.Check(Input(name: new string('n', ContactMessageRules.NameMaxLength + 1))).Errors.ContainsKey("Name"));
    }

    [Theory]
    [InlineData("claire")]
    [InlineData("claire@exemple")]
    [InlineData("Claire <claire@exemple.fr>")]
    [InlineData("claire@exemple.fr\r\nBcc: x@y.fr")]
    [InlineData("a@b.fr, c@d.fr")]
    public void An_address_that_is_not_one_plain_e_mail_address_is_refused(string email)
    {
        Assert.True(ContactMessageRules.Check(Input(email: email)).Errors.ContainsKey("Email"));
    }

    [Theory]
    [InlineData("appelez-moi")]
    [InlineData("12 34")]
    [InlineData("01 23 45 67 89 01 23 45 67 89")]
    [InlineData("01+23")]
    public void A_phone_field_that_is_not_a_number_is_refused(string phone)
    {
        Assert.True(ContactMessageRules.Check(Input(phone: phone)).Errors.ContainsKey("Phone"));
    }

    [Fact]
    public void A_subject_outside_the_list_is_refused()
    {
        Assert.True(ContactMessageRules.Check(Input(subject: (ContactSubject)42)).Errors.ContainsKey("Subject"));
    }
}
