using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CqpPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CertificationId",
                table: "ReportRuns",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DiplomaGroup",
                table: "Registrations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherSector",
                table: "Registrations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportRuns_CertificationId",
                table: "ReportRuns",
                column: "CertificationId");

            migrationBuilder.AddForeignKey(
                name: "FK_ReportRuns_Certifications_CertificationId",
                table: "ReportRuns",
                column: "CertificationId",
                principalTable: "Certifications",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ReportRuns_Certifications_CertificationId",
                table: "ReportRuns");

            migrationBuilder.DropIndex(
                name: "IX_ReportRuns_CertificationId",
                table: "ReportRuns");

            migrationBuilder.DropColumn(
                name: "CertificationId",
                table: "ReportRuns");

            migrationBuilder.DropColumn(
                name: "DiplomaGroup",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "OtherSector",
                table: "Registrations");
        }
    }
}
