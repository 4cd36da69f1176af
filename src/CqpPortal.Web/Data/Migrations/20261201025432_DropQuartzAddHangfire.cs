using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CqpPortal.Web.Data.Migrations
{
    /// <summary>
    /// Quartz gave way to Hangfire: its qrtz_* tables go (Hangfire's own schema is installed by the migrate step, see
    /// PortalDataExtensions.MigrateDatabaseAsync), and SentNotifications holds the unique key of each e-mail a job sends.
    /// </summary>
    public partial class DropQuartzAddHangfire : Migration
    {
        private static readonly string[] QuartzTables =
        [
            "qrtz_fired_triggers", "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_locks", "qrtz_simple_triggers",
            "qrtz_cron_triggers", "qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_triggers", "qrtz_job_details", "qrtz_calendars",
            "qrtz_paused_job_grps", "qrtz_execution_history", "qrtz_misfire_history", "qrtz_job_status",
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzTables)
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table} CASCADE;");

            migrationBuilder.CreateTable(
                name: "SentNotifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentNotifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SentNotifications_Key",
                table: "SentNotifications",
                column: "Key",
                unique: true);
        }

        /// <summary>The Quartz tables are not made again: their script was in Quartz.dll, which is gone.</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SentNotifications");
        }
    }
}
