using System.Diagnostics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Data;
using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// N candidates register at the same time through the real HTTP pipeline (Kestrel, PostgreSQL): sign in, five steps (one proof),
// send. Checks that N complete registrations exist and that no request failed; prints the figures.
// Run from bin/ rather than by the test runner: tell the factory where the web project's content root is.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "CqpPortal.Web"))) root = root.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CQPPORTAL_WEB", Path.Combine(root!.FullName, "src", "CqpPortal.Web"));

// `report [registrations]`: the annual pack benchmark (./portal bench report).
if (args is ["report", ..]) return await CqpPortal.LoadTests.ReportBenchmark.RunAsync(args[1..]);

var candidates = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 200;
using var portal = new PortalFactory(TestCluster.NewDatabase("load"), demoData: false,
    new Dictionary<string, string?> { ["Portal:FormPostsPerMinute"] = "1000", ["Logging:LogLevel:Default"] = "Warning" });
portal.UseKestrel(0);
portal.StartServer();
var baseAddress = portal.ClientOptions.BaseAddress;

var emails = new List<string>();
for (var i = 0; i < candidates; i++) emails.Add(await TestAccounts.CreateAsync(portal, Roles.Candidate, $"Charge {i}"));

var failures = new List<string>();
var latencies = new List<double>();
var clock = Stopwatch.StartNew();
await Parallel.ForEachAsync(emails, new ParallelOptions { MaxDegreeOfParallelism = candidates }, async (email, _) =>
{
    var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
    using var client = new PortalClient(new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) });
    var started = Stopwatch.StartNew();
    try
    {
        Expect(await client.LoginAsync(email, TestAccounts.Password), "/Candidat");
        Expect(await client.SubmitAsync("/Candidat/Inscription/Identite", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Charge", ["Input.LastName"] = email[..12], ["Input.Phone"] = "", ["Input.BirthDate"] = "1990-06-15",
            ["Input.Sex"] = "Female", ["Input.Region"] = "HautsDeFrance",
        }), "/Candidat/Inscription/Parcours");
        Expect(await client.SubmitAsync("/Candidat/Inscription/Parcours", new Dictionary<string, string>
        {
            ["Input.Route"] = "Training", ["Input.Funding"] = "Cpf", ["Input.EmploymentStatus"] = "JobSeeker", ["Input.EmployerName"] = "",
            ["Input.EmployerSiret"] = "", ["Input.EducationLevel"] = "4", ["Input.DiplomaGroup"] = "ProfessionalBaccalaureate", ["Input.HighestDiploma"] = "",
        }), "/Candidat/Inscription/Experience");
        Expect(await client.SubmitAsync("/Candidat/Inscription/Experience", new Dictionary<string, string>
        {
            ["Input.TeleSecretaryMonths"] = "9", ["Input.PhoneJobMonths"] = "0", ["Input.PhoneTimeShare"] = "0", ["Input.PhoneJobKind"] = "", ["Input.Sectors"] = "medical-secretariat",
        }), "/Candidat/Inscription/Justificatifs");
        // One proof of experience, sent as the browser does (multipart with the page's anti-forgery token).
        var (_, proofsPage) = await client.GetAsync("/Candidat/Inscription/Justificatifs");
        var token = proofsPage.QuerySelector("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var proof = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Experience"), "Target" },
            { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "Upload", "certificat.pdf" } };
        var uploaded = await client.Http.PostAsync("/Candidat/Inscription/Justificatifs?handler=Upload", proof);
        if (!uploaded.IsSuccessStatusCode) throw new InvalidOperationException($"proof upload: {(int)uploaded.StatusCode}");
        Expect(await client.SubmitAsync("/Candidat/Inscription/Envoi", new Dictionary<string, string> { ["Consent"] = "true" }), "/Candidat");
        lock (latencies) latencies.Add(started.Elapsed.TotalMilliseconds);
    }
    catch (Exception e)
    {
        lock (failures) failures.Add($"{email}: {e.Message}");
    }
});
clock.Stop();

await using var scope = portal.Services.CreateAsyncScope();
var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
var complete = await db.Registrations.CountAsync(r => r.State == RegistrationState.Submitted && r.RegisteredOn != null && r.PrivacyConsentAt != null
    && r.Route == CertificationRoute.Training && r.TeleSecretaryMonths == 9 && r.Candidate!.BirthDate == new DateOnly(1990, 6, 15));
latencies.Sort();
double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(p * latencies.Count) - 1)];
Console.WriteLine($"candidates: {candidates}, complete registrations: {complete}, failures: {failures.Count}");
Console.WriteLine($"wall time: {clock.Elapsed.TotalSeconds:F1} s, journey (sign-in + 4 steps + send) p50 {Percentile(0.5):F0} ms, p95 {Percentile(0.95):F0} ms, max {Percentile(1):F0} ms");
foreach (var failure in failures.Take(10)) Console.WriteLine("  " + failure);
return complete == candidates && failures.Count == 0 ? 0 : 1;

static void Expect(HttpResponseMessage response, string location)
{
    if (!PortalClient.IsRedirectTo(response, location))
        throw new InvalidOperationException($"expected a redirect to {location}, got {(int)response.StatusCode} {response.Headers.Location}");
}
