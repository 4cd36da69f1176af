using System.Diagnostics;
using System.Globalization;
using CqpPortal.Domain.Statistics;
using CqpPortal.Domain.Vocabulary;
using CqpPortal.Testing;
using CqpPortal.Web.Reports.AnnualPack;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace CqpPortal.LoadTests;

/// <summary>
/// `./portal bench report`: seeds a throwaway database (binary COPY) with 100,000 candidates and registrations of one
/// year, 30,000 jury decisions and 40,000 survey answers, then times the annual pack against a floor measured in the
/// same run — the same aggregates as plain SQL plus the same cells written with the Open XML SDK's SAX writer — and
/// measures the peak memory of the `report annual` command in a process of its own.
/// </summary>
public static class ReportBenchmark
{
    private const int Rounds = 3;
    private static readonly List<double> FloorQuerySeconds = [];

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var registrations = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 100_000;
        var surveys = registrations * 2 / 5;
        var juries = registrations * 3 / 10;
        var year = DateTime.UtcNow.Year - 1;

        using var portal = new PortalFactory(TestCluster.NewDatabase("bench"), demoData: false,
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning", ["Jobs:RunScheduler"] = "false",
                // EF logs its probe of the (not yet created) migrations table of the fresh database as an error.
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None" });
        _ = portal.Services; // starts the app: migrations and the referential
        var clock = Stopwatch.StartNew();
        await SeedAsync(portal.ConnectionString, year, registrations, juries, surveys);
        Console.WriteLine($"seeded {registrations:N0} candidates and registrations of {year}, {juries:N0} jury decisions ({juries * 4:N0} unit results), {surveys:N0} survey answers with binary COPY in {clock.Elapsed.TotalSeconds:F1} s");

        var folder = Directory.CreateTempSubdirectory("cqp-bench-").FullName;
        try
        {
            async Task<long> Pack()
            {
                await using var scope = portal.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AnnualPackWriter>().WriteAsync(year, folder);
                return new FileInfo(Path.Combine(folder, AnnualPackWriter.WorkbookFileName(year))).Length;
            }
            Task<long> Floor() => FloorAsync(portal.ConnectionString, year, Path.Combine(folder, "floor.xlsx"));

            // One warm-up each (JIT, connection pool, PostgreSQL's caches), then alternate rounds; the median counts.
            var packSize = await Pack();
            var floorSize = await Floor();
            var packTimes = new List<double>();
            var floorTimes = new List<double>();
            FloorQuerySeconds.Clear();
            var packMemory = new List<Memory>();
            var floorMemory = new List<Memory>();
            for (var round = 0; round < Rounds; round++)
            {
                var (t1, m1) = await MeasureAsync(Pack);
                packTimes.Add(t1);
                packMemory.Add(m1);
                var (t2, m2) = await MeasureAsync(Floor);
                floorTimes.Add(t2);
                floorMemory.Add(m2);
            }
            var (pack, floor) = (Median(packTimes), Median(floorTimes));
            Console.WriteLine($"annual pack (xlsx {packSize / 1024.0 / 1024:F1} MB + json + pdf): median {pack:F2} s of {string.Join(", ", packTimes.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}; "
                + $"managed heap peak {packMemory.Max(m => m.ManagedPeakMb):F0} MB");
            Console.WriteLine($"floor (plain SQL aggregates and rows + SAX writer, xlsx {floorSize / 1024.0 / 1024:F1} MB): median {floor:F2} s of {string.Join(", ", floorTimes.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}; "
                + $"managed heap peak {floorMemory.Max(m => m.ManagedPeakMb):F0} MB");
            Console.WriteLine($"  of which the floor's 15 aggregate queries: median {Median(FloorQuerySeconds):F2} s");
            Console.WriteLine($"ratio pack / floor: {pack / floor:F2} (goal ≤ 2)");

            var peak = await CommandPeakMemoryAsync(portal.ConnectionString, "report", "annual", "--year", year.ToString(CultureInfo.InvariantCulture), "--out", Path.Combine(folder, "cli"));
            var reference = await CommandPeakMemoryAsync(portal.ConnectionString, "report", "stats-json", "--year", year.ToString(CultureInfo.InvariantCulture), "--out", Path.Combine(folder, "stats.json"));
            Console.WriteLine($"peak memory of `report annual --year {year}` in its own process (max RSS): {peak:F0} MB (goal ≤ 300 MB); "
                + $"`report stats-json` of the same year (same host and rows, no workbook or PDF): {reference:F0} MB");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Memory(double ManagedPeakMb);

    private static async Task<(double Seconds, Memory Memory)> MeasureAsync(Func<Task<long>> run)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        long peak = GC.GetTotalMemory(false);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                try { await Task.Delay(5, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var clock = Stopwatch.StartNew();
        await run();
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        return (clock.Elapsed.TotalSeconds, new Memory(peak / 1024.0 / 1024));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Runs one of the app's commands as its own process under GNU time: its maximum resident set size in MB.</summary>
    private static async Task<double> CommandPeakMemoryAsync(string connectionString, params string[] command)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "CqpPortal.Web.dll");
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-f", "maxrss-kb=%M", "dotnet", web }.Concat(command))
            start.ArgumentList.Add(arg);
        start.Environment["CQP_DB"] = connectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Production refuses to start without the organisation's identity (the PDFs' letterhead): a made-up one.
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Name"] = "Organisme du banc d'essai", ["Siret"] = "812 345 678 00013", ["SignatoryName"] = "Claire Lemoine",
            ["PublicationDirector"] = "Bernard Lefèvre", ["HostName"] = "Hébergeur Exemple SAS", ["HostAddress"] = "1 avenue de l'Hébergement | 59100 Roubaix",
            ["HostPhone"] = "03 20 00 00 00",
        })
            start.Environment[$"Organisation__{key}"] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        var line = errors.Split('\n').LastOrDefault(l => l.StartsWith("maxrss-kb=", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{string.Join(' ', command)} failed: {errors}");
        if (process.ExitCode != 0) throw new InvalidOperationException($"{string.Join(' ', command)} failed: {errors}");
        return long.Parse(line["maxrss-kb=".Length..], CultureInfo.InvariantCulture) / 1024.0;
    }

    private static async Task SeedAsync(string connectionString, int year, int count, int juries, int surveys)
    {
        var random = new Random(2098);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        int certification;
        List<int> units;
        await using (var command = new NpgsqlCommand("""SELECT "Id" FROM "Certifications" ORDER BY "Id" LIMIT 1""", connection))
            certification = (int)(await command.ExecuteScalarAsync())!;
        await using (var command = new NpgsqlCommand($"""SELECT "Id" FROM "CertificationUnits" WHERE "CertificationId" = {certification} ORDER BY "Number" """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            units = [];
            while (await reader.ReadAsync()) units.Add(reader.GetInt32(0));
        }
        var now = DateTimeOffset.UtcNow;
        var first = new DateOnly(year, 1, 1);

        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "Candidates" ("Id", "FirstName", "LastName", "Email", "BirthDate", "Sex", "Region", "CreatedAt", "UpdatedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var id = 1; id <= count; id++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Integer);
                await copy.WriteAsync($"Prénom{id}", NpgsqlDbType.Varchar);
                await copy.WriteAsync($"Nom{id}", NpgsqlDbType.Varchar);
                await copy.WriteAsync($"candidat{id}@exemple.fr", NpgsqlDbType.Varchar);
                await copy.WriteAsync(new DateOnly(year - 18 - random.Next(45), 1 + random.Next(12), 1 + random.Next(28)), NpgsqlDbType.Date);
                await copy.WriteAsync(random.Next(10) < 8 ? (int)Sex.Female : (int)Sex.Male, NpgsqlDbType.Integer);
                await copy.WriteAsync(1 + random.Next(6), NpgsqlDbType.Integer);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }

        var states = new[] { RegistrationState.Submitted, RegistrationState.Incomplete, RegistrationState.Admissible, RegistrationState.Admissible, RegistrationState.Admissible, RegistrationState.NotAdmissible, RegistrationState.Withdrawn };
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "Registrations" ("Id", "CandidateId", "CertificationId", "Route", "Funding", "EmploymentStatus", "EducationLevel", "TeleSecretaryMonths", "PhoneJobMonths", "PhoneTimeShare", "Sectors", "Region", "State", "RegisteredOn", "CreatedAt", "UpdatedAt") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var id = 1; id <= count; id++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Integer);
                await copy.WriteAsync(id, NpgsqlDbType.Integer);
                await copy.WriteAsync(certification, NpgsqlDbType.Integer);
                await copy.WriteAsync(1 + random.Next(3), NpgsqlDbType.Integer);
                if (random.Next(10) == 0) await copy.WriteNullAsync(); else await copy.WriteAsync(1 + random.Next(7), NpgsqlDbType.Integer);
                await copy.WriteAsync(1 + random.Next(3), NpgsqlDbType.Integer);
                await copy.WriteAsync(EducationLevels.All[random.Next(EducationLevels.All.Count)], NpgsqlDbType.Integer);
                await copy.WriteAsync(random.Next(60), NpgsqlDbType.Integer);
                await copy.WriteAsync(random.Next(60), NpgsqlDbType.Integer);
                await copy.WriteAsync(random.Next(101), NpgsqlDbType.Integer);
                await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(1 + random.Next(6), NpgsqlDbType.Integer);
                await copy.WriteAsync((int)states[random.Next(states.Length)], NpgsqlDbType.Integer);
                await copy.WriteAsync(first.AddDays(random.Next(365)), NpgsqlDbType.Date);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "JuryDecisions" ("Id", "RegistrationId", "DecidedOn", "Result") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var id = 1; id <= juries; id++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Integer);
                await copy.WriteAsync(id, NpgsqlDbType.Integer);
                await copy.WriteAsync(first.AddDays(random.Next(365)), NpgsqlDbType.Date);
                await copy.WriteAsync(1 + random.Next(3), NpgsqlDbType.Integer);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "JuryUnitResults" ("JuryDecisionId", "UnitId", "Validated") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var id = 1; id <= juries; id++)
                foreach (var unit in units)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id, NpgsqlDbType.Integer);
                    await copy.WriteAsync(unit, NpgsqlDbType.Integer);
                    await copy.WriteAsync(random.Next(10) < 8, NpgsqlDbType.Boolean);
                }
            await copy.CompleteAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "HolderSurveys" ("RegistrationId", "Wave", "DueOn", "InvitedAt", "RespondedOn", "Situation", "Contract", "Sector") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 1; i <= surveys; i++)
            {
                var invited = first.AddDays(random.Next(330));
                var situation = 1 + random.Next(4);
                await copy.StartRowAsync();
                await copy.WriteAsync(i, NpgsqlDbType.Integer);
                await copy.WriteAsync(i % 2 == 0 ? (int)SurveyWave.SixMonths : (int)SurveyWave.TwentyFourMonths, NpgsqlDbType.Integer);
                await copy.WriteAsync(invited, NpgsqlDbType.Date);
                await copy.WriteAsync(new DateTimeOffset(invited.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(invited.AddDays(random.Next(30)), NpgsqlDbType.Date);
                await copy.WriteAsync(situation, NpgsqlDbType.Integer);
                if (situation == (int)HolderSituation.Employed)
                {
                    await copy.WriteAsync(1 + random.Next(4), NpgsqlDbType.Integer);
                    await copy.WriteAsync(1 + random.Next(2), NpgsqlDbType.Integer);
                }
                else
                {
                    await copy.WriteNullAsync();
                    await copy.WriteNullAsync();
                }
            }
            await copy.CompleteAsync();
        }

        await using (var command = new NpgsqlCommand("""
            SELECT setval(pg_get_serial_sequence('"Candidates"', 'Id'), (SELECT max("Id") FROM "Candidates"));
            SELECT setval(pg_get_serial_sequence('"Registrations"', 'Id'), (SELECT max("Id") FROM "Registrations"));
            SELECT setval(pg_get_serial_sequence('"JuryDecisions"', 'Id'), (SELECT max("Id") FROM "JuryDecisions"));
            ANALYZE;
            """, connection))
            await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The floor: what the pack cannot do with less — the same aggregates as plain SQL, the same detail rows, and the
    /// same cells (indicator tables with shares, the detail sheet) written with the SAX writer and a shared string table.
    /// </summary>
    private static async Task<long> FloorAsync(string connectionString, int year, string path)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        const string OfYear = """FROM "Registrations" r JOIN "Candidates" c ON c."Id" = r."CandidateId" WHERE r."RegisteredOn" BETWEEN @from AND @to""";
        const string Age = """date_part('year', age(r."RegisteredOn", c."BirthDate"))::int""";
        var queries = new (string Sheet, string Sql)[]
        {
            ("Sexe", $"""SELECT c."Sex"::text, count(*) {OfYear} GROUP BY 1 ORDER BY 1"""),
            ("Âge", $"""SELECT CASE WHEN {Age} <= 25 THEN '<26' WHEN {Age} <= 35 THEN '26-35' WHEN {Age} <= 45 THEN '36-45' WHEN {Age} <= 55 THEN '46-55' ELSE '56+' END, count(*) {OfYear} GROUP BY 1 ORDER BY 1"""),
            ("Niveau", $"""SELECT r."EducationLevel"::text, count(*) {OfYear} GROUP BY 1 ORDER BY 1"""),
            ("Voie", $"""SELECT r."Route"::text, count(*) {OfYear} GROUP BY 1 ORDER BY 1"""),
            ("Statut", $"""SELECT r."EmploymentStatus"::text, count(*) {OfYear} GROUP BY 1 ORDER BY 1"""),
            ("Région", $"""SELECT r."Region"::text, count(*) {OfYear} GROUP BY 1 ORDER BY 1"""),
            ("Recevabilité", $"""SELECT r."State"::text, count(*) {OfYear} GROUP BY 1 ORDER BY 1"""),
            ("Financement", $"""SELECT coalesce(r."Funding"::text, '-'), count(*) {OfYear} GROUP BY 1 ORDER BY 1"""),
            ("Expérience", $"""SELECT 'médianes', percentile_cont(0.5) WITHIN GROUP (ORDER BY r."TeleSecretaryMonths") + percentile_cont(0.5) WITHIN GROUP (ORDER BY r."PhoneJobMonths") {OfYear}"""),
            ("Jurys", """SELECT "Result"::text, count(*) FROM "JuryDecisions" WHERE "DecidedOn" BETWEEN @from AND @to GROUP BY 1 ORDER BY 1"""),
            ("Unités", """SELECT u."Number"::text, avg(CASE WHEN jr."Validated" THEN 1.0 ELSE 0 END) FROM "JuryUnitResults" jr JOIN "JuryDecisions" j ON j."Id" = jr."JuryDecisionId" JOIN "CertificationUnits" u ON u."Id" = jr."UnitId" WHERE j."DecidedOn" BETWEEN @from AND @to GROUP BY 1 ORDER BY 1"""),
            ("Situation", """SELECT "Wave" || '-' || "Situation", count(*) FROM "HolderSurveys" WHERE "RespondedOn" BETWEEN @from AND @to GROUP BY 1 ORDER BY 1"""),
            ("Contrat", """SELECT "Wave" || '-' || "Contract", count(*) FROM "HolderSurveys" WHERE "RespondedOn" BETWEEN @from AND @to AND "Situation" = 1 GROUP BY 1 ORDER BY 1"""),
            ("Secteur", """SELECT "Wave" || '-' || "Sector", count(*) FROM "HolderSurveys" WHERE "RespondedOn" BETWEEN @from AND @to AND "Situation" = 1 GROUP BY 1 ORDER BY 1"""),
            ("Réponse", """SELECT "Wave"::text, count("RespondedOn")::float8 / count(*) FROM "HolderSurveys" WHERE ("InvitedAt" AT TIME ZONE 'Europe/Paris')::date BETWEEN @from AND @to GROUP BY 1 ORDER BY 1"""),
        };

        var strings = new Dictionary<string, int>();
        int Shared(string text)
        {
            if (!strings.TryGetValue(text, out var index)) strings.Add(text, index = strings.Count);
            return index;
        }
        static Cell Number(string reference, double value) => new() { CellReference = reference, CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)) };
        Cell Text(string reference, string value) => new() { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Shared(value).ToString(CultureInfo.InvariantCulture)) };

        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        using (var document = SpreadsheetDocument.Create(file, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var sheets = new List<(string Name, string Id)>();
            var queryClock = new Stopwatch();
            foreach (var (sheet, sql) in queries)
            {
                var rows = new List<(string Label, double Value)>();
                queryClock.Start();
                await using (var command = new NpgsqlCommand(sql, connection))
                {
                    command.Parameters.AddWithValue("from", from);
                    command.Parameters.AddWithValue("to", to);
                    await using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync()) rows.Add((reader.GetString(0), Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture)));
                }
                queryClock.Stop();
                var total = rows.Sum(r => r.Value);
                var part = workbook.AddNewPart<WorksheetPart>();
                sheets.Add((sheet, workbook.GetIdOfPart(part)));
                using var writer = OpenXmlWriter.Create(part);
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                var line = 0;
                foreach (var (label, value) in rows.Append(("Total", total)))
                {
                    line++;
                    writer.WriteStartElement(new Row { RowIndex = (uint)line });
                    writer.WriteElement(Text($"A{line}", label));
                    writer.WriteElement(Number($"B{line}", value));
                    writer.WriteElement(Number($"C{line}", total == 0 ? 0 : value / total));
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            FloorQuerySeconds.Add(queryClock.Elapsed.TotalSeconds);
            var detail = workbook.AddNewPart<WorksheetPart>();
            sheets.Add(("Détail", workbook.GetIdOfPart(detail)));
            await using (var command = new NpgsqlCommand($"""
                SELECT r."RegisteredOn", c."Sex", {Age}, r."EducationLevel", r."Route", r."EmploymentStatus", r."Region", r."State", r."Funding",
                       r."TeleSecretaryMonths", r."PhoneJobMonths"
                {OfYear} ORDER BY r."RegisteredOn", r."Id"
                """, connection))
            {
                command.Parameters.AddWithValue("from", from);
                command.Parameters.AddWithValue("to", to);
                await using var reader = await command.ExecuteReaderAsync();
                using var writer = OpenXmlWriter.Create(detail);
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                var line = 0;
                while (await reader.ReadAsync())
                {
                    line++;
                    var registered = reader.GetFieldValue<DateOnly>(0);
                    writer.WriteStartElement(new Row { RowIndex = (uint)line });
                    writer.WriteElement(Number($"A{line}", line));
                    writer.WriteElement(Number($"B{line}", new DateTime(registered.Year, registered.Month, 1).ToOADate()));
                    writer.WriteElement(Text($"C{line}", FrenchLabels.Of((Sex)reader.GetInt32(1))));
                    writer.WriteElement(Text($"D{line}", AgeBands.Label(AgeBands.Of(reader.GetInt32(2)))));
                    writer.WriteElement(Text($"E{line}", EducationLevels.Label(reader.GetInt32(3))));
                    writer.WriteElement(Text($"F{line}", FrenchLabels.Of((CertificationRoute)reader.GetInt32(4))));
                    writer.WriteElement(Text($"G{line}", FrenchLabels.Of((EmploymentStatus)reader.GetInt32(5))));
                    writer.WriteElement(Text($"H{line}", FrenchLabels.Of((Region)reader.GetInt32(6))));
                    writer.WriteElement(Text($"I{line}", FrenchLabels.Of((RegistrationState)reader.GetInt32(7))));
                    writer.WriteElement(Text($"J{line}", reader.IsDBNull(8) ? "Non renseigné" : FrenchLabels.Of((Funding)reader.GetInt32(8))));
                    writer.WriteElement(Number($"K{line}", reader.GetInt32(9)));
                    writer.WriteElement(Number($"L{line}", reader.GetInt32(10)));
                    writer.WriteEndElement();
                }
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            using (var writer = OpenXmlWriter.Create(workbook))
            {
                writer.WriteStartElement(new Workbook());
                writer.WriteStartElement(new Sheets());
                uint id = 1;
                foreach (var (name, relationship) in sheets) writer.WriteElement(new Sheet { Name = name, SheetId = id++, Id = relationship });
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            var stringsPart = workbook.AddNewPart<SharedStringTablePart>();
            using (var writer = OpenXmlWriter.Create(stringsPart))
            {
                writer.WriteStartElement(new SharedStringTable());
                foreach (var text in strings.Keys) writer.WriteElement(new SharedStringItem(new Text(text)));
                writer.WriteEndElement();
            }
        }
        return file.Length;
    }
}
