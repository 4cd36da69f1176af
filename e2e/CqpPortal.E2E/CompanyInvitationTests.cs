using CqpPortal.Testing;
using Microsoft.Playwright;

namespace CqpPortal.E2E;

[Collection(BrowserCollection.Name)]
public class CompanyInvitationTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_manager_pre_registers_an_employee_who_activates_the_account_from_the_email_and_starts_the_form()
    {
        var email = $"emma-{Guid.NewGuid():N}"[..16] + "@exemple.fr";
        await using var managerContext = await portal.SignedInAsync("manager@cqp.test");
        var manager = await managerContext.NewPageAsync();
        await manager.GotoAsync("/Entreprise");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Pré-inscrire un salarié" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(manager);
        await manager.GetByLabel("Prénom").FillAsync("Emma");
        await manager.GetByLabel("Nom", new() { Exact = true }).FillAsync("Lefèvre");
        await manager.GetByLabel("Adresse électronique").FillAsync(email);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Envoyer la pré-inscription" }).ClickAsync();
        // One deliberate omission: the route. The page says so and keeps what was typed.
        await Assertions.Expect(manager.GetByText("Choisissez la voie d'accès envisagée.")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByLabel("Adresse électronique")).ToHaveValueAsync(email);
        await manager.GetByLabel("VAE", new() { Exact = true }).CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Envoyer la pré-inscription" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Cell, new() { Name = "Emma Lefèvre" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(manager);

        await using var employeeContext = await portal.NewVisitorAsync();
        var employee = await employeeContext.NewPageAsync();
        await employee.GotoAsync(new Uri(MailFolder.FirstLink(portal.Mail.LatestTo(email), "/Compte/Activer")).PathAndQuery);
        await Accessibility.AssertNoSeriousViolationsAsync(employee);
        await employee.GetByLabel("Mot de passe", new() { Exact = false }).First.FillAsync("Bonjour-2026!");
        await employee.GetByLabel("Confirmation").FillAsync("Bonjour-2026!");
        await employee.GetByRole(AriaRole.Button, new() { Name = "Activer mon compte" }).ClickAsync();
        await Assertions.Expect(employee.GetByLabel("Prénom")).ToHaveValueAsync("Emma");

        await manager.ReloadAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Row).Filter(new() { HasText = "Emma Lefèvre" })).ToContainTextAsync("Compte activé, bulletin en cours");
    }
}
