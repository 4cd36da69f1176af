using System.Text;
using Microsoft.Playwright;

namespace CqpPortal.E2E;

[Collection(BrowserCollection.Name)]
public class ImportPageTests(BrowserPortal portal)
{
    [Fact]
    public async Task Staff_send_a_bad_file_and_read_every_error_on_an_accessible_page()
    {
        await using var context = await portal.SignedInAsync("staff@cqp.test");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Staff/Imports");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var header = string.Join(';', CqpPortal.Domain.Records.RecordTemplates.Candidates.Columns);
        var csv = header + "\r\n"
            + "E2e;Zoé;1990-05-17;F;;Niveau 4;;14;0;0;;;Salarié;;Formation;CPF;Nord;03/02/2025;Recevable;;;;\r\n"
            + "E2e;Yann;17/05/1990;X;;Niveau 4;;14;0;0;;;Salarié;;Formation;CPF;Atlantide;03/02/2025;Recevable;;;;\r\n";
        await page.GetByLabel("Candidats (inscription, recevabilité, jury, obtention)").CheckAsync();
        await page.GetByLabel("Fichier (.csv ou .xlsx)").SetInputFilesAsync(new FilePayload
        {
            Name = "historique.csv", MimeType = "text/csv", Buffer = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(csv)],
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Fichier refusé, rien n'a été enregistré : 3 erreur(s).");
        var rows = await page.Locator("#errors tbody tr").AllTextContentsAsync();
        Assert.Equal(3, rows.Count);
        Assert.Contains("Date de naissance", rows[0]);
        Assert.Contains("Sexe", rows[1]);
        Assert.Contains("Atlantide", rows[2]);
        await Assertions.Expect(page.GetByLabel("Candidats (inscription, recevabilité, jury, obtention)")).ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
