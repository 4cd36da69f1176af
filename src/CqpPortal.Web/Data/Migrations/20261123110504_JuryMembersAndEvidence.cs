using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CqpPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class JuryMembersAndEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ActivityId",
                table: "BookletDocuments",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JurySessionMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedByUserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JurySessionMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JurySessionMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JurySessionMembers_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BookletDocuments_ActivityId",
                table: "BookletDocuments",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_JurySessionMembers_SessionId_UserId",
                table: "JurySessionMembers",
                columns: new[] { "SessionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JurySessionMembers_UserId",
                table: "JurySessionMembers",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_BookletDocuments_Activities_ActivityId",
                table: "BookletDocuments",
                column: "ActivityId",
                principalTable: "Activities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BookletDocuments_Activities_ActivityId",
                table: "BookletDocuments");

            migrationBuilder.DropTable(
                name: "JurySessionMembers");

            migrationBuilder.DropIndex(
                name: "IX_BookletDocuments_ActivityId",
                table: "BookletDocuments");

            migrationBuilder.DropColumn(
                name: "ActivityId",
                table: "BookletDocuments");
        }
    }
}
