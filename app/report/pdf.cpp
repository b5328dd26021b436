#include "report/pdf.h"

#include "report/handoff_draw.h"

#include "core/output_file.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <memory>
#include <stdexcept>
#include <wx/dcgraph.h>
#include <wx/graphics.h>

namespace vigil::report {

namespace {
cairo_status_t toOutput(void* closure, const unsigned char* data, unsigned int length) {
    try {
        static_cast<OutputFile*>(closure)->write(data, length);
        return CAIRO_STATUS_SUCCESS;
    } catch (const std::exception&) {
        return CAIRO_STATUS_WRITE_ERROR;
    }
}
} // namespace

int writeHandoffPdf(const HandoffSheet& sheet, const std::string& path, Paper paper,
                    const std::vector<std::string>& protect) {
    wxSize page = pageSize(paper);
    OutputFile output(path, protect);
    // Points are 1/72 inch; the drawing is in 1/96 inch.
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
        toOutput, &output, page.x * 72.0 / 96, page.y * 72.0 / 96);
    auto fail = [&](cairo_status_t status) {
        return std::runtime_error(fmt::format("{}: the PDF could not be written: {}", path,
                                              status == CAIRO_STATUS_WRITE_ERROR
                                                  ? "writing failed (is the disk full?)"
                                                  : cairo_status_to_string(status)));
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
    output.commit();
    return pages;
}

} // namespace vigil::report
