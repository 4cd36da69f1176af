using CqpPortal.Web.Imports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CqpPortal.Web.Pages.Staff.Imports;

/// <summary>The empty template of each kind (header row only), as .csv or .xlsx.</summary>
public class TemplateModel : PageModel
{
    public IActionResult OnGet(string? type, string? format)
    {
        ImportKind? kind = type switch { "candidats" => ImportKind.Candidates, "enquetes" => ImportKind.Surveys, _ => null };
        if (kind is null || format is not ("csv" or "xlsx")) return NotFound();
        var template = RecordImports.Template(kind.Value);
        return format == "csv"
            ? File(RecordFileWriter.Csv(template.Columns, []), RecordFileWriter.CsvContentType + "; charset=utf-8", template.FileName + ".csv")
            : File(RecordFileWriter.Xlsx(kind == ImportKind.Candidates ? "Candidats" : "Enquêtes", template.Columns, []), RecordFileWriter.XlsxContentType, template.FileName + ".xlsx");
    }
}
