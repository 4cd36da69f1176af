using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CqpPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SurveyLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "HolderSurveys",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Company",
                table: "HolderSurveys",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstReminderAt",
                table: "HolderSurveys",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OptedOutAt",
                table: "HolderSurveys",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedByUserId",
                table: "HolderSurveys",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SecondReminderAt",
                table: "HolderSurveys",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HolderSurveyLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    Purpose = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HolderSurveyLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HolderSurveyLinks_HolderSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "HolderSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HolderSurveyLinks_SurveyId",
                table: "HolderSurveyLinks",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_HolderSurveyLinks_TokenHash",
                table: "HolderSurveyLinks",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HolderSurveyLinks");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "HolderSurveys");

            migrationBuilder.DropColumn(
                name: "Company",
                table: "HolderSurveys");

            migrationBuilder.DropColumn(
                name: "FirstReminderAt",
                table: "HolderSurveys");

            migrationBuilder.DropColumn(
                name: "OptedOutAt",
                table: "HolderSurveys");

            migrationBuilder.DropColumn(
                name: "RecordedByUserId",
                table: "HolderSurveys");

            migrationBuilder.DropColumn(
                name: "SecondReminderAt",
                table: "HolderSurveys");
        }
    }
}
