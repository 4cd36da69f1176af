using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CqpPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Imports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "CertifiedOn",
                table: "Registrations",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_LastName_FirstName_BirthDate",
                table: "Candidates",
                columns: new[] { "LastName", "FirstName", "BirthDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Candidates_LastName_FirstName_BirthDate",
                table: "Candidates");

            migrationBuilder.DropColumn(
                name: "CertifiedOn",
                table: "Registrations");
        }
    }
}
