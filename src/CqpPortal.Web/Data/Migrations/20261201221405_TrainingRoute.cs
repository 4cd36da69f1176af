using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CqpPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TrainingRoute : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ModuleTitle",
                table: "Sessions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Room",
                table: "Sessions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrainerUserId",
                table: "Sessions",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Sessions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnrolledByUserId",
                table: "SessionEnrolments",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CpfWording",
                table: "CertificationUnits",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaximumTrainingHours",
                table: "CertificationUnits",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Positionings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    Side = table.Column<int>(type: "integer", nullable: false),
                    FilledByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    TutorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InterviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Positionings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Positionings_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionEnrolmentId = table.Column<int>(type: "integer", nullable: false),
                    HalfDay = table.Column<int>(type: "integer", nullable: false),
                    Attendance = table.Column<int>(type: "integer", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ManagerToldAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingAttendances_SessionEnrolments_SessionEnrolmentId",
                        column: x => x.SessionEnrolmentId,
                        principalTable: "SessionEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingPaths",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Objectives = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReducedHoursReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CandidateSignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompanySignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompanySignedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    OrganisationSignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OrganisationSignedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EvaluationWaiverReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EvaluationWaiverAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EvaluationWaiverByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingPaths", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingPaths_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PositioningEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PositioningId = table.Column<int>(type: "integer", nullable: false),
                    CompetenceId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PositioningEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PositioningEntries_Competences_CompetenceId",
                        column: x => x.CompetenceId,
                        principalTable: "Competences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PositioningEntries_Positionings_PositioningId",
                        column: x => x.PositioningId,
                        principalTable: "Positionings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingPathUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrainingPathId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    PlannedHours = table.Column<int>(type: "integer", nullable: false),
                    Modules = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingPathUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingPathUnits_CertificationUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "CertificationUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingPathUnits_TrainingPaths_TrainingPathId",
                        column: x => x.TrainingPathId,
                        principalTable: "TrainingPaths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_TrainerUserId",
                table: "Sessions",
                column: "TrainerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_UnitId",
                table: "Sessions",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PositioningEntries_CompetenceId",
                table: "PositioningEntries",
                column: "CompetenceId");

            migrationBuilder.CreateIndex(
                name: "IX_PositioningEntries_PositioningId_CompetenceId",
                table: "PositioningEntries",
                columns: new[] { "PositioningId", "CompetenceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Positionings_RegistrationId_Side",
                table: "Positionings",
                columns: new[] { "RegistrationId", "Side" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendances_SessionEnrolmentId_HalfDay",
                table: "TrainingAttendances",
                columns: new[] { "SessionEnrolmentId", "HalfDay" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingPaths_RegistrationId_Version",
                table: "TrainingPaths",
                columns: new[] { "RegistrationId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingPathUnits_TrainingPathId_UnitId",
                table: "TrainingPathUnits",
                columns: new[] { "TrainingPathId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingPathUnits_UnitId",
                table: "TrainingPathUnits",
                column: "UnitId");

            migrationBuilder.AddForeignKey(
                name: "FK_Sessions_CertificationUnits_UnitId",
                table: "Sessions",
                column: "UnitId",
                principalTable: "CertificationUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Sessions_CertificationUnits_UnitId",
                table: "Sessions");

            migrationBuilder.DropTable(
                name: "PositioningEntries");

            migrationBuilder.DropTable(
                name: "TrainingAttendances");

            migrationBuilder.DropTable(
                name: "TrainingPathUnits");

            migrationBuilder.DropTable(
                name: "Positionings");

            migrationBuilder.DropTable(
                name: "TrainingPaths");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_TrainerUserId",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_UnitId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ModuleTitle",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Room",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "TrainerUserId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "EnrolledByUserId",
                table: "SessionEnrolments");

            migrationBuilder.DropColumn(
                name: "CpfWording",
                table: "CertificationUnits");

            migrationBuilder.DropColumn(
                name: "MaximumTrainingHours",
                table: "CertificationUnits");
        }
    }
}
