using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CqpPortal.Web.Data.Migrations
{
    /// <summary>
    /// The Quartz job store's tables (qrtz_*), from the script embedded in Quartz.dll, so the schema has one source
    /// (the migrations) and the scheduler never needs CREATE rights at run time.
    /// </summary>
    public partial class QuartzJobStore : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in Jobs.QuartzSchema.CreateStatements())
                migrationBuilder.Sql(statement);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Jobs.QuartzSchema.Tables.Reverse())
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table} CASCADE;");
        }
    }
}
