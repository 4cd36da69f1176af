using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CqpPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EnrolmentReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Reminder14SentAt",
                table: "SessionEnrolments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Reminder2SentAt",
                table: "SessionEnrolments",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Reminder14SentAt",
                table: "SessionEnrolments");

            migrationBuilder.DropColumn(
                name: "Reminder2SentAt",
                table: "SessionEnrolments");
        }
    }
}
