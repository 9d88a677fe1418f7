using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I18SearchKeysPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Representatives",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "OrgUnits",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "AspNetUsers",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Representatives_SearchText",
                table: "Representatives",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_OrgUnits_SearchText",
                table: "OrgUnits",
                column: "SearchText");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SearchText",
                table: "AspNetUsers",
                column: "SearchText");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Representatives_SearchText",
                table: "Representatives");

            migrationBuilder.DropIndex(
                name: "IX_OrgUnits_SearchText",
                table: "OrgUnits");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_SearchText",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Representatives");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "OrgUnits");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "AspNetUsers");
        }
    }
}
