using CqpPortal.Testing;
using CqpPortal.Web.Contacts;
using Microsoft.Extensions.Hosting.Internal;
using Npgsql;

namespace CqpPortal.Web.Tests.OfficialDocuments;

/// <summary>The Organisation section: the identity of every document and of the legal notice, required in Production.</summary>
public class OrganisationSettingsTests
{
    [Theory]
    [InlineData("Organisation:Name", "Organisation__Name")]
    [InlineData("Organisation:Siret", "Organisation__Siret")]
    [InlineData("Organisation:SignatoryName", "Organisation__SignatoryName")]
    [InlineData("Organisation:PublicationDirector", "Organisation__PublicationDirector")]
    [InlineData("Organisation:HostName", "Organisation__HostName")]
    public void In_Production_a_node_refuses_to_start_without_the_organisations_identity_and_names_the_variable(string key, string variable)
    {
        var database = TestCluster.NewDatabase("production-organisation");
        using var node = new PortalFactory(database, demoData: false,
            new Dictionary<string, string?> { ["environment"] = "Production", ["Portal:PublicUrl"] = "https://cqp.example.fr", [key] = "" });

        var error = Assert.ThrowsAny<Exception>(() => node.Server);

        Assert.Contains(variable, error.ToString());
        Assert.Equal(0, TableCount(database)); // refused before touching the database
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public void A_siret_whose_key_is_wrong_is_refused_in_every_environment(string environment)
    {
        var settings = Complete();
        settings.Siret = "812 345 678 00014";

        var result = new OrganisationContactValidation(new HostingEnvironment { EnvironmentName = environment }).Validate(null, settings);

        Assert.False(result.Succeeded);
        Assert.Contains("Organisation__Siret", result.FailureMessage);
    }

    [Fact]
    public void Outside_Production_an_unset_identity_is_allowed_and_documents_print_what_is_set()
    {
        var result = new OrganisationContactValidation(new HostingEnvironment { EnvironmentName = "Development" }).Validate(null, new OrganisationContact());
        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("Organisme | 10 rue de l'Exemple | 75010 Paris", null, "Paris")]
    [InlineData("1 place du Port\n13002 Marseille", null, "Marseille")]
    [InlineData("10 rue de l'Exemple | 75010 Paris", "Saint-Denis", "Saint-Denis")]
    public void Documents_are_made_in_the_city_of_the_last_address_line_unless_one_is_set(string address, string? city, string expected)
    {
        Assert.Equal(expected, new OrganisationContact { Address = address, City = city }.MadeIn);
    }

    private static OrganisationContact Complete() => new()
    {
        Phone = "01 23 45 67 89", Email = "contact@example.fr", Address = "10 rue de l'Exemple | 75010 Paris", Name = "Organisme",
        Siret = "812 345 678 00013", SignatoryName = "Claire Lemoine", PublicationDirector = "Bernard Lefèvre", HostName = "Hébergeur",
        HostAddress = "1 avenue | 59100 Roubaix", HostPhone = "03 20 00 00 00",
    };

    private static long TableCount(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        return (long)command.ExecuteScalar()!;
    }
}
