using CqpPortal.Web.Identity;

namespace CqpPortal.Web.Seeding;

/// <summary>The demonstration accounts listed in README: one or two per role, all with the same password.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-Portail-2026!";

    public static readonly IReadOnlyList<(string Email, string Role, string DisplayName)> All =
    [
        ("candidat@cqp.test", Roles.Candidate, "Camille Martin"),
        ("candidat2@cqp.test", Roles.Candidate, "Julien Bernard"),
        ("vae@cqp.test", Roles.Candidate, "Nadia Moreau"),
        ("titulaire@cqp.test", Roles.Candidate, "Lucie Petit"),
        ("manager@cqp.test", Roles.CompanyManager, "Sophie Lefèvre"),
        ("manager2@cqp.test", Roles.CompanyManager, "Marc Garnier"),
        ("staff@cqp.test", Roles.Staff, "Claire Dubois"),
        ("evaluateur@cqp.test", Roles.Evaluator, "Hélène Roux"),
        ("evaluateur2@cqp.test", Roles.Evaluator, "Karim Benali"),
        ("jury@cqp.test", Roles.JuryMember, "Patrick Fournier"),
        ("jury2@cqp.test", Roles.JuryMember, "Martine Chevalier"),
        ("sist@cqp.test", Roles.SistAnalyst, "Isabelle Mercier"),
        ("comite@cqp.test", Roles.Committee, "Bernard Lambert"),
        ("admin@cqp.test", Roles.Administrator, "Antoine Girard"),
    ];
}
