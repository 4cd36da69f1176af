namespace CqpPortal.Domain.Accounts;

/// <summary>
/// Whether an account must sign in with a second factor (a code from an authenticator app, OWASP ASVS 2.7/2.8). The
/// people who open candidates' files, grids, decisions or nominative registers — the organisation's staff and its
/// administrator, evaluators, jury members, SIST's analysts and the review committee — must, when the organisation turns
/// the rule on (<c>Portal:RequireTwoFactorForStaffRoles</c>). Candidates and company managers see only their own file or
/// their employees' and are never forced (they may still turn it on). A role this rule does not know is treated as a
/// staff role: a new audience is protected until someone decides otherwise.
/// </summary>
public sealed class TwoFactorRequirement(bool requiredForStaffRoles)
{
    /// <summary>The roles (names as Identity stores them) that are never forced: they read nobody else's file.</summary>
    public static readonly IReadOnlySet<string> NeverForcedRoles = new HashSet<string>(StringComparer.Ordinal) { "Candidate", "CompanyManager" };

    public bool RequiredForStaffRoles { get; } = requiredForStaffRoles;

    /// <summary>One of the roles opens other people's files (any role but candidate and company manager).</summary>
    public static bool HasStaffRole(IEnumerable<string> roles) => roles.Any(role => !NeverForcedRoles.Contains(role));

    /// <summary>What the portal does with an account holding these roles, whose second factor is or is not set up.</summary>
    public TwoFactorDecision Decide(IEnumerable<string> roles, bool twoFactorEnabled)
    {
        if (twoFactorEnabled) return TwoFactorDecision.CodeAsked;
        return RequiredForStaffRoles && HasStaffRole(roles) ? TwoFactorDecision.SetUpFirst : TwoFactorDecision.Optional;
    }

    /// <summary>
    /// The second factor may be turned off unless the rule requires it for these roles: a staff member asked to use it
    /// cannot drop it (losing the phone: sign in with a recovery code, then set up the new phone).
    /// </summary>
    public bool MayTurnOff(IEnumerable<string> roles) => !(RequiredForStaffRoles && HasStaffRole(roles));
}

public enum TwoFactorDecision
{
    /// <summary>Not set up and not required: the password alone signs in.</summary>
    Optional,

    /// <summary>Set up: the code is asked after the password.</summary>
    CodeAsked,

    /// <summary>Required and not set up yet: after the password, the account can do nothing but set it up.</summary>
    SetUpFirst,
}
