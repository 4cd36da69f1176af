using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CqpPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class VaeBooklets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Booklets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SwornStatement = table.Column<bool>(type: "boolean", nullable: false),
                    SwornOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Booklets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Booklets_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BookletDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BookletId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookletDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BookletDocuments_Booklets_BookletId",
                        column: x => x.BookletId,
                        principalTable: "Booklets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BookletEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BookletId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: true),
                    To = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "text", nullable: true),
                    MissingItems = table.Column<List<string>>(type: "text[]", nullable: false),
                    Snapshot = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookletEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BookletEvents_Booklets_BookletId",
                        column: x => x.BookletId,
                        principalTable: "Booklets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BookletJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BookletId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Employer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    FullTimeShare = table.Column<int>(type: "integer", nullable: false),
                    PhoneTimeShare = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    MainActivities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookletJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BookletJobs_Booklets_BookletId",
                        column: x => x.BookletId,
                        principalTable: "Booklets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BookletSituations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BookletId = table.Column<int>(type: "integer", nullable: false),
                    ActivityId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Context = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Actions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Tools = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Result = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookletSituations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BookletSituations_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BookletSituations_Booklets_BookletId",
                        column: x => x.BookletId,
                        principalTable: "Booklets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BookletDocuments_BookletId",
                table: "BookletDocuments",
                column: "BookletId");

            migrationBuilder.CreateIndex(
                name: "IX_BookletEvents_BookletId",
                table: "BookletEvents",
                column: "BookletId");

            migrationBuilder.CreateIndex(
                name: "IX_BookletJobs_BookletId",
                table: "BookletJobs",
                column: "BookletId");

            migrationBuilder.CreateIndex(
                name: "IX_Booklets_RegistrationId_Kind",
                table: "Booklets",
                columns: new[] { "RegistrationId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Booklets_State",
                table: "Booklets",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_BookletSituations_ActivityId",
                table: "BookletSituations",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_BookletSituations_BookletId_ActivityId",
                table: "BookletSituations",
                columns: new[] { "BookletId", "ActivityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BookletDocuments");

            migrationBuilder.DropTable(
                name: "BookletEvents");

            migrationBuilder.DropTable(
                name: "BookletJobs");

            migrationBuilder.DropTable(
                name: "BookletSituations");

            migrationBuilder.DropTable(
                name: "Booklets");
        }
    }
}
