using CqpPortal.Domain.Records;
using CqpPortal.Web.Data;

namespace CqpPortal.Web.Imports;

public enum ImportKind { Candidates = 1, Surveys = 2 }

/// <summary>The one entry of the staff page and the command line: reads a file and runs the import of its kind.</summary>
public sealed class RecordImports(CqpDbContext db, TimeProvider clock)
{
    public static RecordTemplate Template(ImportKind kind) => kind == ImportKind.Candidates ? RecordTemplates.Candidates : RecordTemplates.Surveys;

    public async Task<ImportSummary> RunAsync(ImportKind kind, Stream file, string fileName, string? byUserId, CancellationToken cancellationToken = default)
    {
        RecordSheet sheet;
        try
        {
            sheet = RecordFileReader.Read(file, fileName);
        }
        catch (RecordFileException e)
        {
            return ImportSummary.Refused(e.Message);
        }
        var source = Path.GetFileName(fileName);
        return kind == ImportKind.Candidates
            ? await new CandidateImport(db, clock).RunAsync(sheet, source, byUserId, cancellationToken)
            : await new SurveyImport(db).RunAsync(sheet, cancellationToken);
    }
}
