using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Issue17 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AmendReason",
                table: "OffsetAgreements",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AmendedAt",
                table: "OffsetAgreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AmendedBy",
                table: "OffsetAgreements",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawReason",
                table: "OffsetAgreements",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WithdrawnAt",
                table: "OffsetAgreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "OffsetAgreements",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LateIssueReason",
                table: "Contracts",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AmendReason",
                table: "OffsetAgreements");

            migrationBuilder.DropColumn(
                name: "AmendedAt",
                table: "OffsetAgreements");

            migrationBuilder.DropColumn(
                name: "AmendedBy",
                table: "OffsetAgreements");

            migrationBuilder.DropColumn(
                name: "WithdrawReason",
                table: "OffsetAgreements");

            migrationBuilder.DropColumn(
                name: "WithdrawnAt",
                table: "OffsetAgreements");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "OffsetAgreements");

            migrationBuilder.DropColumn(
                name: "LateIssueReason",
                table: "Contracts");
        }
    }
}
