using AngleSharp.Html.Dom;
using CqpPortal.Domain.Vae;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Vae;

/// <summary>Builders and form helpers shared by the VAE booklet tests.</summary>
public static class VaeBooklet
{
    public const string One = "/Candidat/Vae/Livret1";
    public const string Two = "/Candidat/Vae/Livret2";

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    /// <summary>A new candidate account with a VAE registration declared admissible; returns the signed-in client and the registration id.</summary>
    public static async Task<(PortalClient Client, int RegistrationId)> AdmissibleCandidateAsync(DemoPortal portal, string lastName)
    {
        var client = await TestAccounts.SignedInAsync(portal, Roles.Candidate, $"Nora {lastName}");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == client.Email);
        var registration = new Registration
        {
            CertificationId = await db.Certifications.Select(c => c.Id).FirstAsync(), Route = CertificationRoute.Vae,
            EmploymentStatus = EmploymentStatus.Employee, EducationLevel = 3, TeleSecretaryMonths = 40, Region = Region.Ouest,
            State = RegistrationState.Admissible, RegisteredOn = new DateOnly(2026, 9, 1), AdmissibilityDecidedOn = new DateOnly(2026, 9, 15),
            PrivacyConsentAt = DateTimeOffset.UtcNow,
        };
        db.Candidates.Add(new Candidate
        {
            UserId = user.Id, FirstName = "Nora", LastName = lastName, Email = client.Email!, BirthDate = new DateOnly(1984, 6, 12),
            Sex = Sex.Female, Region = Region.Ouest, Registrations = [registration],
        });
        await db.SaveChangesAsync();
        return (client, registration.Id);
    }

    public static Dictionary<string, string> Job(int index, string employer, string from, string to, VaeJobKind kind, int phone = 80, string title = "Télésecrétaire") => new()
    {
        [$"Input.Jobs[{index}].Employer"] = employer, [$"Input.Jobs[{index}].JobTitle"] = title,
        [$"Input.Jobs[{index}].From"] = from, [$"Input.Jobs[{index}].To"] = to,
        [$"Input.Jobs[{index}].FullTimeShare"] = "100", [$"Input.Jobs[{index}].PhoneTimeShare"] = phone.ToString(),
        [$"Input.Jobs[{index}].Kind"] = kind.ToString(), [$"Input.Jobs[{index}].MainActivities"] = $"Accueil téléphonique chez {employer}",
    };

    public static Dictionary<string, string> Merge(params IEnumerable<KeyValuePair<string, string>>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Loads <paramref name="page"/> and posts its booklet form to a handler as multipart (the form's own encoding).</summary>
    public static async Task<HttpResponseMessage> PostAsync(PortalClient client, string page, string handler, IReadOnlyDictionary<string, string> fields,
        (string Name, byte[] Content)? file = null, IHtmlFormElement? form = null)
    {
        form ??= (await client.GetAsync(page)).Document.Forms.FirstOrDefault(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Version"))
            ?? throw new InvalidOperationException($"No booklet form on {page}.");
        var content = new MultipartFormDataContent();
        foreach (var hidden in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name) && !fields.ContainsKey(i.Name!)))
            content.Add(new StringContent(hidden.Value), hidden.Name!);
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        if (file is { } f)
        {
            var part = new ByteArrayContent(f.Content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
            content.Add(part, "Upload", f.Name);
        }
        var separator = page.Contains('?') ? '&' : '?';
        return await client.Http.PostAsync($"{page}{separator}handler={handler}", content);
    }

    public static async Task<IHtmlFormElement> FormAsync(PortalClient client, string page) =>
        (await client.GetAsync(page)).Document.Forms.First(f => f.Elements.Any(e => e.GetAttribute("name") == "Input.Version"));

    public static async Task<Booklet?> BookletAsync(DemoPortal portal, int registrationId, BookletKind kind)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CqpDbContext>().Booklets.AsNoTracking()
            .Include(b => b.Jobs).Include(b => b.Documents).Include(b => b.History).Include(b => b.Situations)
            .AsSplitQuery().SingleOrDefaultAsync(b => b.RegistrationId == registrationId && b.Kind == kind);
    }

    /// <summary>Booklet 1 with one tele-secretary job, a sworn statement and a PDF, sent; returns its id.</summary>
    public static async Task<int> SubmitBookletOneAsync(DemoPortal portal, PortalClient client, int registrationId)
    {
        var upload = await PostAsync(client, One, "Upload", new Dictionary<string, string> { ["Input.DocumentKind"] = "EmployerAttestation" }, ("attestation.pdf", Pdf));
        if (upload.StatusCode != System.Net.HttpStatusCode.OK) throw new InvalidOperationException($"Upload: {upload.StatusCode}");
        var sent = await PostAsync(client, One, "Submit", Merge(Job(0, "Allo Services", "2020-01-01", "2024-12-31", VaeJobKind.TeleSecretary),
            new Dictionary<string, string> { ["Input.Sworn"] = "true" }));
        if (!PortalClient.IsRedirectTo(sent, One))
            throw new InvalidOperationException("Submit refused: " + (await PortalClient.ParseAsync(sent)).QuerySelector(".validation-summary-errors")?.TextContent);
        return (await BookletAsync(portal, registrationId, BookletKind.Admissibility))!.Id;
    }
}
