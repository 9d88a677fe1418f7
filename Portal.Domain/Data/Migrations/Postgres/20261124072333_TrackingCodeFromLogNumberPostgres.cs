using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TrackingCodeFromLogNumberPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SequenceBlocks");

            migrationBuilder.DropIndex(
                name: "IX_Inquiries_TrackingCode",
                table: "Inquiries");

            migrationBuilder.DropColumn(
                name: "TrackingCode",
                table: "Inquiries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TrackingCode",
                table: "Inquiries",
                type: "character(12)",
                fixedLength: true,
                maxLength: 12,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "SequenceBlocks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Next = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SequenceBlocks", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Inquiries_TrackingCode",
                table: "Inquiries",
                column: "TrackingCode",
                unique: true);
        }
    }
}
