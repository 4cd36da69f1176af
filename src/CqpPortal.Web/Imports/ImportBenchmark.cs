using System.Diagnostics;
using System.Globalization;
using CqpPortal.Domain.Records;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CqpPortal.Web.Imports;

/// <summary>
/// `./portal bench import` (a benchmark, not a test): 100,000 generated candidate lines imported from a .csv into a
/// throwaway database, timed against PostgreSQL COPY of the same rows in the same run: binary COPY of the very rows the
/// import wrote (read back from it) into the same tables of a copy of the database; and, for scale, a text COPY of the
/// file itself into a staging table. Goal (issue 6): the import within 3× the binary COPY.
/// </summary>
public static class ImportBenchmark
{
    public const int DefaultRows = 100_000;

    public static string DatabaseName(string purpose) => $"bench_{purpose}_{Guid.NewGuid():N}"[..30];

    public static async Task<string> CreateDatabaseAsync(string serverConnectionString, string name, string? template = null)
    {
        await using var connection = new NpgsqlConnection(On(serverConnectionString, "postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"" + (template is null ? "" : $" TEMPLATE \"{template}\""), connection);
        await create.ExecuteNonQueryAsync();
        return On(serverConnectionString, name);
    }

    public static async Task DropDatabaseAsync(string serverConnectionString, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(On(serverConnectionString, "postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string On(string connectionString, string database) => new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    /// <summary>Runs on a migrated database holding the referential only; returns 0 when the import succeeded.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string connectionString, int count, TextWriter output)
    {
        var importDatabase = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var file = Path.Combine(Path.GetTempPath(), $"cqp-bench-{Guid.NewGuid():N}.csv");
        var copyDatabase = DatabaseName("copy");
        try
        {
            await File.WriteAllBytesAsync(file, RecordFileWriter.Csv(RecordTemplates.Candidates.Columns, Generate(count, seed: 2098)));
            output.WriteLine($"{count:N0} candidate lines generated ({new FileInfo(file).Length / 1024 / 1024} MB of .csv).");
            // The copy's database starts as the import's does: migrated, with the referential, empty otherwise.
            NpgsqlConnection.ClearAllPools();
            var copyConnection = await CreateDatabaseAsync(connectionString, copyDatabase, template: importDatabase);

            var import = Stopwatch.StartNew();
            ImportSummary summary;
            await using (var scope = services.CreateAsyncScope())
            await using (var stream = File.OpenRead(file))
                summary = await ActivatorUtilities.CreateInstance<RecordImports>(scope.ServiceProvider).RunAsync(ImportKind.Candidates, stream, file, byUserId: null);
            import.Stop();
            if (!summary.Succeeded)
            {
                output.WriteLine(summary.Describe() + " " + string.Join(" ", summary.Errors.Take(5)));
                return 1;
            }
            output.WriteLine($"import: {import.Elapsed.TotalSeconds:F2} s ({summary.Describe()})");

            var (binaryCopy, rows) = await CopySameRowsAsync(services, copyConnection);
            output.WriteLine($"binary COPY of the same rows ({rows}): {binaryCopy.TotalSeconds:F2} s");
            var textCopy = await CopyFileAsync(copyConnection, file);
            output.WriteLine($"text COPY of the .csv file into a staging table of 23 text columns: {textCopy.TotalSeconds:F2} s");
            output.WriteLine($"ratio import / binary COPY: {import.Elapsed / binaryCopy:F2}× (goal ≤ 3×); import / text COPY of the file: {import.Elapsed / textCopy:F2}×");
            output.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
            return 0;
        }
        finally
        {
            File.Delete(file);
            await DropDatabaseAsync(connectionString, copyDatabase);
        }
    }

    /// <summary>Reads back what the import wrote (not timed), then times one transaction of binary COPY of those rows into the copy.</summary>
    private static async Task<(TimeSpan, string)> CopySameRowsAsync(IServiceProvider services, string copyConnection)
    {
        List<Candidate> candidates; List<Registration> registrations; List<RegistrationStatusChange> history; List<JuryDecision> juries; List<JuryUnitResult> units;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CqpDbContext>();
            candidates = await db.Candidates.AsNoTracking().ToListAsync();
            registrations = await db.Registrations.AsNoTracking().ToListAsync();
            history = await db.RegistrationStatusChanges.AsNoTracking().ToListAsync();
            juries = await db.JuryDecisions.AsNoTracking().ToListAsync();
            units = await db.JuryUnitResults.AsNoTracking().ToListAsync();
        }
        await using var copy = new CqpDbContext(new DbContextOptionsBuilder<CqpDbContext>().UseNpgsql(copyConnection).Options);
        var clock = Stopwatch.StartNew();
        await using var transaction = await copy.Database.BeginTransactionAsync();
        var bulk = new BulkCopy(copy);
        await bulk.CandidatesAsync(candidates, default);
        await bulk.RegistrationsAsync(registrations, default);
        await bulk.StatusChangesAsync(history, default);
        await bulk.JuryDecisionsAsync(juries, default);
        await bulk.JuryUnitResultsAsync(units, default);
        await transaction.CommitAsync();
        return (clock.Elapsed, $"{candidates.Count:N0} candidates, {registrations.Count:N0} registrations, {history.Count:N0} history lines, {juries.Count:N0} jury decisions, {units.Count:N0} unit results");
    }

    private static async Task<TimeSpan> CopyFileAsync(string copyConnection, string file)
    {
        await using var connection = new NpgsqlConnection(copyConnection);
        await connection.OpenAsync();
        var columns = string.Join(", ", Enumerable.Range(1, RecordTemplates.Candidates.Columns.Count).Select(i => $"c{i} text"));
        await using (var create = new NpgsqlCommand($"CREATE TABLE bench_staging ({columns})", connection)) await create.ExecuteNonQueryAsync();
        var text = await File.ReadAllTextAsync(file);
        var clock = Stopwatch.StartNew();
        await using (var writer = await connection.BeginTextImportAsync("COPY bench_staging FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)"))
            await writer.WriteAsync(text);
        return clock.Elapsed;
    }

    private static readonly string[] FirstNames = ["Camille", "Léa", "Chloé", "Manon", "Inès", "Sarah", "Julie", "Émilie", "Nadia", "Sophie", "Paul", "Hugo", "Lucas", "Karim", "Julien"];
    // The form's lists as the template writes them: sector labels (and an « Autre » precision), diploma groups' labels.
    private static readonly string[] Sectors = [.. Domain.Registrations.ExperienceSectors.All.Where(s => s.Code != Domain.Registrations.ExperienceSectors.OtherCode).Select(s => s.Label), "Crèche"];
    private static readonly string[] Diplomas = [.. Domain.Registrations.DiplomaGroups.All.Select(Domain.Registrations.DiplomaGroups.Label)];

    /// <summary>Lines in the candidates template, every one valid, with the mix of the demo data: most admissible, two thirds with a jury.</summary>
    public static IEnumerable<IReadOnlyList<string>> Generate(int count, int seed)
    {
        var random = new Random(seed);
        T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
        for (var i = 0; i < count; i++)
        {
            var registeredOn = new DateOnly(2022, 1, 1).AddDays(random.Next(0, 4 * 365));
            var admissibility = random.NextDouble() switch { < 0.82 => RegistrationState.Admissible, < 0.92 => RegistrationState.NotAdmissible, _ => RegistrationState.Submitted };
            var phoneMonths = random.Next(0, 61);
            DateOnly? juryOn = admissibility == RegistrationState.Admissible && random.NextDouble() < 0.7 ? registeredOn.AddDays(random.Next(120, 400)) : null;
            JuryResult? result = juryOn is null ? null : random.NextDouble() switch { < 0.72 => JuryResult.TotalValidation, < 0.92 => JuryResult.PartialValidation, _ => JuryResult.NotValidated };
            var status = Pick(Enum.GetValues<EmploymentStatus>());
            yield return new CandidateRecord
            {
                LastName = "Banc" + i.ToString("D6", CultureInfo.InvariantCulture), FirstName = Pick(FirstNames),
                BirthDate = registeredOn.AddYears(-random.Next(19, 60)).AddDays(-random.Next(0, 365)),
                Sex = random.NextDouble() < 0.82 ? Sex.Female : Sex.Male, Email = $"banc{i}@exemple.fr",
                EducationLevel = Pick(EducationLevels.All), HighestDiploma = random.NextDouble() < 0.5 ? Pick(Diplomas) : null,
                TeleSecretaryMonths = random.Next(0, 121), PhoneJobMonths = phoneMonths, PhoneTimeShare = phoneMonths == 0 ? 0 : random.Next(30, 101),
                PhoneJobKind = phoneMonths == 0 ? null : Pick(Enum.GetValues<PhoneJobKind>()), Sectors = [Pick(Sectors)], Status = status,
                Employer = status == EmploymentStatus.Employee ? "Entreprise " + random.Next(1, 500) : null, Route = Pick(Enum.GetValues<CertificationRoute>()),
                Funding = Pick(Enum.GetValues<Funding>()), Region = Pick(Enum.GetValues<Region>()), RegisteredOn = registeredOn, Admissibility = admissibility,
                JuryOn = juryOn, JuryResult = result,
                ValidatedUnits = result switch { JuryResult.TotalValidation => [1, 2, 3, 4], JuryResult.PartialValidation => [1, 3], _ => [] },
                CertifiedOn = result == JuryResult.TotalValidation ? juryOn!.Value.AddDays(10) : null,
            }.ToCells();
        }
    }
}
