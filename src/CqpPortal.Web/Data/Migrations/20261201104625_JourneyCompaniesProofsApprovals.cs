using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CqpPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class JourneyCompaniesProofsApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CompanyConsentAt",
                table: "Registrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CompanyMayFollow",
                table: "Registrations",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnteredByStaffUserId",
                table: "Registrations",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PaperFormDate",
                table: "Registrations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Approval",
                table: "LibraryDocuments",
                type: "integer",
                nullable: false,
                defaultValue: 2); // what was public before the « avis conforme » stays approved

            migrationBuilder.AddColumn<string>(
                name: "RefusalReason",
                table: "LibraryDocuments",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "LibraryDocuments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "LibraryDocuments",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Approval",
                table: "ContentRevisions",
                type: "integer",
                nullable: false,
                defaultValue: 2); // idem

            migrationBuilder.AddColumn<string>(
                name: "RefusalReason",
                table: "ContentRevisions",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "ContentRevisions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "ContentRevisions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DocumentRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentRequests_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationProofs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DocumentRequestId = table.Column<int>(type: "integer", nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationProofs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistrationProofs_DocumentRequests_DocumentRequestId",
                        column: x => x.DocumentRequestId,
                        principalTable: "DocumentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RegistrationProofs_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LibraryDocuments_Approval",
                table: "LibraryDocuments",
                column: "Approval");

            migrationBuilder.CreateIndex(
                name: "IX_ContentRevisions_Approval",
                table: "ContentRevisions",
                column: "Approval");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentRequests_RegistrationId",
                table: "DocumentRequests",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationProofs_DocumentRequestId",
                table: "RegistrationProofs",
                column: "DocumentRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationProofs_RegistrationId",
                table: "RegistrationProofs",
                column: "RegistrationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegistrationProofs");

            migrationBuilder.DropTable(
                name: "DocumentRequests");

            migrationBuilder.DropIndex(
                name: "IX_LibraryDocuments_Approval",
                table: "LibraryDocuments");

            migrationBuilder.DropIndex(
                name: "IX_ContentRevisions_Approval",
                table: "ContentRevisions");

            migrationBuilder.DropColumn(
                name: "CompanyConsentAt",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "CompanyMayFollow",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "EnteredByStaffUserId",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "PaperFormDate",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "Approval",
                table: "LibraryDocuments");

            migrationBuilder.DropColumn(
                name: "RefusalReason",
                table: "LibraryDocuments");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "LibraryDocuments");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "LibraryDocuments");

            migrationBuilder.DropColumn(
                name: "Approval",
                table: "ContentRevisions");

            migrationBuilder.DropColumn(
                name: "RefusalReason",
                table: "ContentRevisions");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "ContentRevisions");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "ContentRevisions");
        }
    }
}
