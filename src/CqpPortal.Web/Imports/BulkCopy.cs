using CqpPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CqpPortal.Web.Imports;

/// <summary>
/// Binary COPY of new rows into the tables EF maps, on the context's connection and transaction. The column lists
/// follow the entities (`Data/`); a test imports through it and reads the rows back with EF.
/// </summary>
internal sealed class BulkCopy(CqpDbContext db)
{
    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    /// <summary>Takes <paramref name="count"/> values from the table's identity sequence.</summary>
    public async Task<List<int>> NextIdsAsync(string table, int count, CancellationToken cancellationToken)
    {
        if (count == 0) return [];
        await using var command = new NpgsqlCommand($"SELECT nextval(pg_get_serial_sequence('\"{table}\"', 'Id'))::int FROM generate_series(1, @n)", Connection);
        command.Parameters.AddWithValue("n", count);
        var ids = new List<int>(count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt32(0));
        return ids;
    }

    private async Task CopyAsync<T>(string table, string columns, IReadOnlyList<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        await using var importer = await Connection.BeginBinaryImportAsync($"COPY \"{table}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    public Task CandidatesAsync(IReadOnlyList<Candidate> rows, CancellationToken cancellationToken) =>
        CopyAsync("Candidates", "\"Id\", \"LastName\", \"FirstName\", \"BirthDate\", \"Sex\", \"Email\", \"Region\", \"CreatedAt\", \"UpdatedAt\"", rows, (w, c) =>
        {
            w.Write(c.Id, NpgsqlDbType.Integer);
            w.Write(c.LastName, NpgsqlDbType.Varchar);
            w.Write(c.FirstName, NpgsqlDbType.Varchar);
            w.Write(c.BirthDate, NpgsqlDbType.Date);
            w.Write((int)c.Sex, NpgsqlDbType.Integer);
            w.Write(c.Email, NpgsqlDbType.Varchar);
            w.Write((int)c.Region, NpgsqlDbType.Integer);
            w.Write(c.CreatedAt, NpgsqlDbType.TimestampTz);
            w.Write(c.UpdatedAt, NpgsqlDbType.TimestampTz);
        }, cancellationToken);

    public Task RegistrationsAsync(IReadOnlyList<Registration> rows, CancellationToken cancellationToken) =>
        CopyAsync("Registrations", "\"Id\", \"CandidateId\", \"CertificationId\", \"Route\", \"Funding\", \"EmploymentStatus\", \"EmployerName\", "
            + "\"EducationLevel\", \"HighestDiploma\", \"DiplomaGroup\", \"TeleSecretaryMonths\", \"PhoneJobMonths\", \"PhoneTimeShare\", \"PhoneJobKind\", \"Sectors\", \"OtherSector\", "
            + "\"Region\", \"State\", \"RegisteredOn\", \"CertifiedOn\", \"CreatedAt\", \"UpdatedAt\"", rows, (w, r) =>
        {
            w.Write(r.Id, NpgsqlDbType.Integer);
            w.Write(r.CandidateId, NpgsqlDbType.Integer);
            w.Write(r.CertificationId, NpgsqlDbType.Integer);
            w.Write((int)r.Route, NpgsqlDbType.Integer);
            WriteNullable(w, (int?)r.Funding);
            w.Write((int)r.EmploymentStatus, NpgsqlDbType.Integer);
            WriteText(w, r.EmployerName);
            w.Write(r.EducationLevel, NpgsqlDbType.Integer);
            WriteText(w, r.HighestDiploma);
            WriteNullable(w, (int?)r.DiplomaGroup);
            w.Write(r.TeleSecretaryMonths, NpgsqlDbType.Integer);
            w.Write(r.PhoneJobMonths, NpgsqlDbType.Integer);
            w.Write(r.PhoneTimeShare, NpgsqlDbType.Integer);
            WriteNullable(w, (int?)r.PhoneJobKind);
            w.Write(r.Sectors.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            WriteText(w, r.OtherSector);
            w.Write((int)r.Region, NpgsqlDbType.Integer);
            w.Write((int)r.State, NpgsqlDbType.Integer);
            if (r.RegisteredOn is { } on) w.Write(on, NpgsqlDbType.Date); else w.WriteNull();
            if (r.CertifiedOn is { } certified) w.Write(certified, NpgsqlDbType.Date); else w.WriteNull();
            w.Write(r.CreatedAt, NpgsqlDbType.TimestampTz);
            w.Write(r.UpdatedAt, NpgsqlDbType.TimestampTz);
        }, cancellationToken);

    public Task StatusChangesAsync(IReadOnlyList<RegistrationStatusChange> rows, CancellationToken cancellationToken) =>
        CopyAsync("RegistrationStatusChanges", "\"RegistrationId\", \"From\", \"To\", \"At\", \"ByUserId\", \"Comment\"", rows, (w, h) =>
        {
            w.Write(h.RegistrationId, NpgsqlDbType.Integer);
            WriteNullable(w, (int?)h.From);
            w.Write((int)h.To, NpgsqlDbType.Integer);
            w.Write(h.At, NpgsqlDbType.TimestampTz);
            WriteText(w, h.ByUserId);
            WriteText(w, h.Comment);
        }, cancellationToken);

    public Task JuryDecisionsAsync(IReadOnlyList<JuryDecision> rows, CancellationToken cancellationToken) =>
        CopyAsync("JuryDecisions", "\"Id\", \"RegistrationId\", \"DecidedOn\", \"Result\"", rows, (w, j) =>
        {
            w.Write(j.Id, NpgsqlDbType.Integer);
            w.Write(j.RegistrationId, NpgsqlDbType.Integer);
            w.Write(j.DecidedOn, NpgsqlDbType.Date);
            w.Write((int)j.Result, NpgsqlDbType.Integer);
        }, cancellationToken);

    public Task JuryUnitResultsAsync(IReadOnlyList<JuryUnitResult> rows, CancellationToken cancellationToken) =>
        CopyAsync("JuryUnitResults", "\"JuryDecisionId\", \"UnitId\", \"Validated\"", rows, (w, u) =>
        {
            w.Write(u.JuryDecisionId, NpgsqlDbType.Integer);
            w.Write(u.UnitId, NpgsqlDbType.Integer);
            w.Write(u.Validated, NpgsqlDbType.Boolean);
        }, cancellationToken);

    private static void WriteNullable(NpgsqlBinaryImporter w, int? value)
    {
        if (value is { } v) w.Write(v, NpgsqlDbType.Integer);
        else w.WriteNull();
    }

    private static void WriteText(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null) w.WriteNull();
        else w.Write(value, NpgsqlDbType.Text);
    }
}
