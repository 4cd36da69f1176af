using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CqpPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationsJuriesCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MinutesLockedAt",
                table: "Sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attendance",
                table: "SessionEnrolments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AttendanceRecordedAt",
                table: "SessionEnrolments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttendanceRecordedByUserId",
                table: "SessionEnrolments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsPresident",
                table: "JurySessionMembers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecordedAt",
                table: "JuryDecisions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedByUserId",
                table: "JuryDecisions",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    JuryDecisionId = table.Column<int>(type: "integer", nullable: true),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ObtainedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HolderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedByUserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_JuryDecisions_JuryDecisionId",
                        column: x => x.JuryDecisionId,
                        principalTable: "JuryDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Certificates_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationGrids",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnrolmentId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SupersedesId = table.Column<int>(type: "integer", nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EvaluatorSignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EvaluatorSignedByUserId = table.Column<string>(type: "text", nullable: true),
                    CoEvaluatorSignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CoEvaluatorSignedByUserId = table.Column<string>(type: "text", nullable: true),
                    GeneralObservation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationGrids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationGrids_EvaluationGrids_SupersedesId",
                        column: x => x.SupersedesId,
                        principalTable: "EvaluationGrids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationGrids_SessionEnrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "SessionEnrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Evaluators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    FullName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProposedByUserId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evaluators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evaluators_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "JuryDecisionCorrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    JuryDecisionId = table.Column<int>(type: "integer", nullable: false),
                    PreviousResult = table.Column<int>(type: "integer", nullable: false),
                    PreviousUnitNumbers = table.Column<List<int>>(type: "integer[]", nullable: false),
                    PreviousComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryDecisionCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JuryDecisionCorrections_JuryDecisions_JuryDecisionId",
                        column: x => x.JuryDecisionId,
                        principalTable: "JuryDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JuryMinutesSignatures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JuryMinutesSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JuryMinutesSignatures_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JuryMinutesSignatures_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationGridEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GridId = table.Column<int>(type: "integer", nullable: false),
                    CompetenceId = table.Column<int>(type: "integer", nullable: false),
                    Acquired = table.Column<bool>(type: "boolean", nullable: true),
                    Observation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CoEvaluatorAgrees = table.Column<bool>(type: "boolean", nullable: true),
                    CoEvaluatorObservation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationGridEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationGridEntries_Competences_CompetenceId",
                        column: x => x.CompetenceId,
                        principalTable: "Competences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationGridEntries_EvaluationGrids_GridId",
                        column: x => x.GridId,
                        principalTable: "EvaluationGrids",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluatorHabilitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EvaluatorId = table.Column<int>(type: "integer", nullable: false),
                    CertificationId = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluatorHabilitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluatorHabilitations_Certifications_CertificationId",
                        column: x => x.CertificationId,
                        principalTable: "Certifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluatorHabilitations_Evaluators_EvaluatorId",
                        column: x => x.EvaluatorId,
                        principalTable: "Evaluators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluatorLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EvaluatorId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CandidateId = table.Column<int>(type: "integer", nullable: true),
                    CompanyId = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeclaredByUserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluatorLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluatorLinks_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluatorLinks_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluatorLinks_Evaluators_EvaluatorId",
                        column: x => x.EvaluatorId,
                        principalTable: "Evaluators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SessionEvaluators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    EvaluatorId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    Remote = table.Column<bool>(type: "boolean", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedByUserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionEvaluators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionEvaluators_Evaluators_EvaluatorId",
                        column: x => x.EvaluatorId,
                        principalTable: "Evaluators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionEvaluators_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluatorHabilitationEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HabilitationId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluatorHabilitationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluatorHabilitationEvents_EvaluatorHabilitations_Habilita~",
                        column: x => x.HabilitationId,
                        principalTable: "EvaluatorHabilitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_JuryDecisionId",
                table: "Certificates",
                column: "JuryDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Number",
                table: "Certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_RegistrationId",
                table: "Certificates",
                column: "RegistrationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationGridEntries_CompetenceId",
                table: "EvaluationGridEntries",
                column: "CompetenceId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationGridEntries_GridId_CompetenceId",
                table: "EvaluationGridEntries",
                columns: new[] { "GridId", "CompetenceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationGrids_EnrolmentId_Version",
                table: "EvaluationGrids",
                columns: new[] { "EnrolmentId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationGrids_SupersedesId",
                table: "EvaluationGrids",
                column: "SupersedesId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluatorHabilitationEvents_HabilitationId",
                table: "EvaluatorHabilitationEvents",
                column: "HabilitationId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluatorHabilitations_CertificationId",
                table: "EvaluatorHabilitations",
                column: "CertificationId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluatorHabilitations_EvaluatorId_CertificationId",
                table: "EvaluatorHabilitations",
                columns: new[] { "EvaluatorId", "CertificationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluatorLinks_CandidateId",
                table: "EvaluatorLinks",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluatorLinks_CompanyId",
                table: "EvaluatorLinks",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluatorLinks_EvaluatorId",
                table: "EvaluatorLinks",
                column: "EvaluatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Evaluators_UserId",
                table: "Evaluators",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JuryDecisionCorrections_JuryDecisionId",
                table: "JuryDecisionCorrections",
                column: "JuryDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_JuryMinutesSignatures_SessionId_UserId",
                table: "JuryMinutesSignatures",
                columns: new[] { "SessionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JuryMinutesSignatures_UserId",
                table: "JuryMinutesSignatures",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionEvaluators_EvaluatorId",
                table: "SessionEvaluators",
                column: "EvaluatorId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionEvaluators_SessionId_Role",
                table: "SessionEvaluators",
                columns: new[] { "SessionId", "Role" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "EvaluationGridEntries");

            migrationBuilder.DropTable(
                name: "EvaluatorHabilitationEvents");

            migrationBuilder.DropTable(
                name: "EvaluatorLinks");

            migrationBuilder.DropTable(
                name: "JuryDecisionCorrections");

            migrationBuilder.DropTable(
                name: "JuryMinutesSignatures");

            migrationBuilder.DropTable(
                name: "SessionEvaluators");

            migrationBuilder.DropTable(
                name: "EvaluationGrids");

            migrationBuilder.DropTable(
                name: "EvaluatorHabilitations");

            migrationBuilder.DropTable(
                name: "Evaluators");

            migrationBuilder.DropColumn(
                name: "MinutesLockedAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Attendance",
                table: "SessionEnrolments");

            migrationBuilder.DropColumn(
                name: "AttendanceRecordedAt",
                table: "SessionEnrolments");

            migrationBuilder.DropColumn(
                name: "AttendanceRecordedByUserId",
                table: "SessionEnrolments");

            migrationBuilder.DropColumn(
                name: "IsPresident",
                table: "JurySessionMembers");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "JuryDecisions");

            migrationBuilder.DropColumn(
                name: "RecordedByUserId",
                table: "JuryDecisions");
        }
    }
}
