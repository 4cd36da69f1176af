using System.Security.Cryptography;
using CqpPortal.Domain.Accounts;
using CqpPortal.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CqpPortal.Web.Identity.TwoFactor;

/// <summary>
/// Identity's authenticator check with a memory: the last time-step used by the account (per authenticator key) is kept
/// in <c>AspNetUserTokens</c>, and a code at or before it is refused (Identity's own provider accepts a code again and
/// again for its ±75 s window). The step is claimed by one conditional upsert, so two requests racing with the same
/// code cannot both pass. Scoped: within one request the step just claimed stays good, as Identity's sign-in checks the
/// code a second time after <see cref="TwoFactorSignIn"/> did.
/// </summary>
public sealed class OneUseAuthenticatorTokenProvider(CqpDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string Name = "OneUseAuthenticator";
    public const string LoginProvider = "[PortalAuthenticator]";
    private readonly HashSet<(string UserId, long Step)> claimedInThisRequest = [];

    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key) return false;
        var keyBytes = AuthenticatorCode.KeyBytes(key);
        var name = TokenName(keyBytes);
        var now = clock.GetUtcNow();
        var current = AuthenticatorCode.StepAt(now);
        for (var step = current - AuthenticatorCode.StepsEitherSide; step <= current + AuthenticatorCode.StepsEitherSide; step++)
            if (claimedInThisRequest.Contains((user.Id, step)) && AuthenticatorCode.At(keyBytes, step) == token) return true;

        var lastUsed = await db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == user.Id && t.LoginProvider == LoginProvider && t.Name == name).Select(t => t.Value).SingleOrDefaultAsync();
        if (AuthenticatorCode.MatchingStep(keyBytes, token, now, long.TryParse(lastUsed, out var last) ? last : null) is not { } matched) return false;
        var value = matched.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value") VALUES ({user.Id}, {LoginProvider}, {name}, {value})
            ON CONFLICT ("UserId", "LoginProvider", "Name") DO UPDATE SET "Value" = excluded."Value"
            WHERE "AspNetUserTokens"."Value"::bigint < excluded."Value"::bigint
            """);
        if (claimed != 1) return false; // another request used this code (or a later one) in the meantime
        claimedInThisRequest.Add((user.Id, matched));
        return true;
    }

    /// <summary>One memory per key: a new phone's key starts afresh, and the key itself is not repeated (a hash of it).</summary>
    private static string TokenName(byte[] key) => "LastStep-" + Convert.ToHexString(SHA256.HashData(key))[..16];

    /// <summary>Identity checks authenticator codes with this provider instead of its own.</summary>
    public static IServiceCollection Use(IServiceCollection services)
    {
        services.AddScoped<OneUseAuthenticatorTokenProvider>();
        services.Configure<IdentityOptions>(options =>
        {
            options.Tokens.ProviderMap[Name] = new TokenProviderDescriptor(typeof(OneUseAuthenticatorTokenProvider));
            options.Tokens.AuthenticatorTokenProvider = Name;
        });
        return services;
    }
}
