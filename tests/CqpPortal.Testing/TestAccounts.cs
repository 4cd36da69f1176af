using CqpPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CqpPortal.Testing;

/// <summary>Unique, confirmed accounts for tests that must not share state with the demo accounts.</summary>
public static class TestAccounts
{
    public const string Password = "Essai-Portail-2026!";

    public static async Task<string> CreateAsync(PortalFactory portal, string role, string displayName = "Léa Durand")
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24] + "@exemple.fr";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return email;
    }

    public static async Task<PortalClient> SignedInAsync(PortalFactory portal, string role, string displayName = "Léa Durand")
    {
        var email = await CreateAsync(portal, role, displayName);
        var client = PortalClient.For(portal);
        await client.LoginAsync(email, Password);
        client.Email = email;
        return client;
    }
}
