using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CqpPortal.Web.Data.Migrations
{
    /// <summary>
    /// Created the Quartz job store's tables (qrtz_*) from the script embedded in Quartz.dll. Quartz was replaced by
    /// Hangfire and its package removed: on a new database this step now does nothing, and on a database where it ran,
    /// DropQuartzAddHangfire drops those tables.
    /// </summary>
    public partial class QuartzJobStore : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
