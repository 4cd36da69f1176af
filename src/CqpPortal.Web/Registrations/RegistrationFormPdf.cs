using CqpPortal.Web.Documents;

namespace CqpPortal.Web.Registrations;

/// <summary>The blank registration form to print, generated from <see cref="RegistrationForm"/>: the same questions as online.</summary>
public static class RegistrationFormPdf
{
    public static string Title(string certification) => $"Bulletin d'inscription au {certification}";
    private const string Blank = "________________________________________";

    public static byte[] Render(string certification)
    {
        var title = Title(certification);
        var pdf = new PdfDocumentWriter(title, title).Title(title)
            .Paragraph("Vous pouvez aussi vous inscrire en ligne sur le portail (créez votre compte, puis « Mon inscription ») : " +
                "les questions sont les mêmes. Remplissez ce bulletin en lettres capitales, cochez une case par question à choix, " +
                "puis remettez-le à l'organisme de formation, qui vous répondra par écrit sur la recevabilité de votre candidature.");
        foreach (var step in RegistrationForm.Steps)
        {
            pdf.Heading(step.Title);
            if (step.Intro is { } intro) pdf.Paragraph(intro);
            string? group = null;
            foreach (var field in step.Fields)
            {
                if (field.Group != group && field.Group is { } g)
                    pdf.Space(4).Line(g == RegistrationForm.EmployerGroup ? $"{g} ({RegistrationForm.EmployerGroupHelp})" : g, strong: true);
                group = field.Group;
                var label = field.Optional ? $"{field.Label} (facultatif)" : field.Label;
                if (field == RegistrationForm.Consent)
                    pdf.Line($"□ {label}");
                else if (field.Options.Count == 0)
                    pdf.Line($"{label} : {Blank}");
                else
                {
                    pdf.Line($"{label} :");
                    foreach (var choice in field.Options)
                        pdf.Line(choice.Hint is null ? $"    □ {choice.Label}" : $"    □ {choice.Label} : {choice.Hint}");
                    if (field == RegistrationForm.PhoneJobKind) pdf.Line($"    □ {RegistrationForm.NoPhoneJob}");
                }
                if (field.Help is { } help) pdf.Note(help);
                pdf.Space(4);
            }
        }
        return pdf.Space(12).Line("Fait à ____________________, le ____ / ____ / ________").Space(8).Line("Signature du candidat :").ToBytes();
    }
}
