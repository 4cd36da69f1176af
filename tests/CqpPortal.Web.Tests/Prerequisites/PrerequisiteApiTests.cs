using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CqpPortal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Web.Tests.Prerequisites;

[Collection(PortalCollection.Name)]
public class PrerequisiteApiTests(DemoPortal portal)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<(HttpStatusCode Status, JsonElement Body, string? ContentType)> PostAsync(string body)
    {
        using var client = portal.CreateClient();
        var response = await client.PostAsync("/api/prerequisites/check", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(0, 12, 0, 0, "other", "training", true)]
    [InlineData(0, 11, 0, 0, "other", "training", false)]
    [InlineData(4, 6, 0, 0, "other", "free", true)]
    [InlineData(3, 6, 0, 0, "other", "free", false)]
    [InlineData(0, 0, 24, 50, "switchboard", "training", true)]
    [InlineData(0, 0, 24, 49, "switchboard", "training", false)]
    [InlineData(5, 0, 12, 75, "reservation-centre", "training", true)]
    [InlineData(0, 0, 40, 90, "other", "training", false)]
    [InlineData(0, 36, 0, 0, "other", "vae", true)]
    [InlineData(0, 12, 23, 80, "inbound-call-centre", "vae", false)]
    [InlineData(0, 12, 24, 80, "inbound-call-centre", "vae", true)]
    public async Task Answers_the_article_3_rules_with_the_rule_met_or_what_is_missing(int level, int tele, int phone, int share, string kind, string route, bool eligible)
    {
        var (status, body, _) = await PostAsync(JsonSerializer.Serialize(new
        {
            educationLevel = level, teleSecretaryMonths = tele, phoneJobMonths = phone, phoneTimeShare = share, phoneJobKind = kind, route,
        }));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(eligible, body.GetProperty("eligible").GetBoolean());
        if (eligible)
        {
            Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("rule").GetString()));
            Assert.Equal(0, body.GetProperty("missing").GetArrayLength());
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, body.GetProperty("rule").ValueKind);
            Assert.True(body.GetProperty("missing").GetArrayLength() > 0);
        }
    }

    [Fact]
    public async Task A_malformed_body_names_each_bad_field_in_french_as_problem_json()
    {
        var (status, body, type) = await PostAsync("""
            {"educationLevel": 2, "teleSecretaryMonths": "douze", "phoneJobMonths": -1, "phoneTimeShare": 150, "phoneJobKind": "fax", "route": "apprentissage"}
            """);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        var errors = body.GetProperty("errors");
        foreach (var field in new[] { "educationLevel", "teleSecretaryMonths", "phoneJobMonths", "phoneTimeShare", "phoneJobKind", "route" })
            Assert.True(errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0, field);
        Assert.Contains("nombre entier", errors.GetProperty("teleSecretaryMonths")[0].GetString());
        Assert.Contains("entre 0 et 100", errors.GetProperty("phoneTimeShare")[0].GetString());
        Assert.Equal("La demande contient des erreurs.", body.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("pas du json")]
    [InlineData("[1, 2]")]
    [InlineData("{}")]
    [InlineData("{\"educationLevel\": 4.5, \"teleSecretaryMonths\": 12, \"route\": \"training\"}")]
    public async Task Other_bad_bodies_are_refused_with_400_never_500(string raw)
    {
        var (status, body, type) = await PostAsync(raw);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.True(body.GetProperty("errors").EnumerateObject().Any());
    }

    [Fact]
    public async Task Phone_job_fields_may_be_left_out_when_there_is_no_phone_job()
    {
        var (status, body, _) = await PostAsync("""{"educationLevel": 0, "teleSecretaryMonths": 12, "route": "training"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("eligible").GetBoolean());
    }

    [Fact]
    public async Task The_check_stores_nothing()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CqpPortal.Web.Data.CqpDbContext>();
        var before = (db.Registrations.Count(), db.Candidates.Count(), db.Users.Count());
        await PostAsync("""{"educationLevel": 4, "teleSecretaryMonths": 8, "route": "free"}""");
        Assert.Equal(before, (db.Registrations.Count(), db.Candidates.Count(), db.Users.Count()));
    }

    [Fact]
    public async Task A_body_declared_larger_than_a_few_kilobytes_gets_a_413_problem_without_being_read()
    {
        using var client = portal.CreateClient();
        using var content = new ByteArrayContent(new byte[29 * 1024 * 1024]);
        content.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/api/prerequisites/check", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("trop volumineuse", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_streamed_body_without_a_length_is_cut_after_a_few_kilobytes_with_the_same_413()
    {
        using var client = portal.CreateClient();
        var json = "{\"route\":\"training\",\"educationLevel\":0,\"teleSecretaryMonths\":12,\"x\":\"" + new string('a', 1024 * 1024) + "\"}";
        using var content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new("application/json");

        var response = await client.PostAsync("/api/prerequisites/check", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A body whose length is unknown to the client: sent chunked, so only the server's reading can stop it.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>On a portal of its own, with a small limit, so other tests are not throttled.</summary>
public class PrerequisiteApiRateLimitTests
{
    [Fact]
    public async Task Too_many_checks_in_a_minute_get_429_with_a_french_problem()
    {
        using var portal = new PortalFactory(TestCluster.NewDatabase("ratelimit"), demoData: false,
            new Dictionary<string, string?> { ["Portal:PrerequisiteChecksPerMinute"] = "3" });
        using var client = portal.CreateClient();
        var body = """{"educationLevel": 0, "teleSecretaryMonths": 12, "route": "training"}""";
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/prerequisites/check", new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode);
        var refused = await client.PostAsync("/api/prerequisites/check", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("patientez", problem.GetProperty("detail").GetString());
    }
}
