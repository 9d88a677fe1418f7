using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OffsetFilePapers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimsSheetSha256",
                table: "OffsetFiles",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoverLetterSha256",
                table: "OffsetFiles",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DebtorsSheetSha256",
                table: "OffsetFiles",
                type: "TEXT",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Number",
                table: "OffsetFiles",
                type: "TEXT",
                maxLength: 30,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimsSheetSha256",
                table: "OffsetFiles");

            migrationBuilder.DropColumn(
                name: "CoverLetterSha256",
                table: "OffsetFiles");

            migrationBuilder.DropColumn(
                name: "DebtorsSheetSha256",
                table: "OffsetFiles");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "OffsetFiles");
        }
    }
}
