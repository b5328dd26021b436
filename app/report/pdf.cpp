#include "report/pdf.h"

#include "report/handoff_draw.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <stdexcept>
#include <wx/dcgraph.h>
#include <wx/graphics.h>

namespace vigil::report {

int writeHandoffPdf(const HandoffSheet& sheet, const std::string& path, Paper paper) {
    wxSize page = pageSize(paper);
    std::string partial = path + ".partial";
    // Points are 1/72 inch; the drawing is in 1/96 inch.
    cairo_surface_t* surface =
        cairo_pdf_surface_create(partial.c_str(), page.x * 72.0 / 96, page.y * 72.0 / 96);
    auto fail = [&](cairo_status_t status) {
        std::remove(partial.c_str());
        return std::runtime_error(fmt::format("{}: the PDF could not be written: {}", path,
                                              cairo_status_to_string(status)));
    };
    if (auto status = cairo_surface_status(surface); status != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        throw fail(status);
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                   fmt::format("Handoff: {}", sheet.shift.name).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Vigil");
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, 72.0 / 96, 72.0 / 96); // or fonts come out a third too large
    int pages = 0;
    {
        wxGCDC dc(wxGraphicsRenderer::GetCairoRenderer()->CreateContextFromNativeContext(cr));
        auto layout = paginate(dc, sheet, paper);
        for (std::size_t i = 0; i < layout.pages.size(); ++i) {
            drawHandoffPage(dc, sheet, layout, i);
            cairo_show_page(cr);
        }
        pages = static_cast<int>(layout.pages.size());
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    auto status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw fail(status);
    std::error_code ec;
    std::filesystem::rename(partial, path, ec);
    if (ec) {
        std::remove(partial.c_str());
        throw std::runtime_error(
            fmt::format("{}: the PDF could not be written: {}", path, ec.message()));
    }
    return pages;
}

} // namespace vigil::report
