// setjmp-guarded libjpeg decoding; see CWeirImage.h for why this is C.
#include "CWeirImage.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <jpeglib.h>
// After jpeglib.h: its message list depends on jconfig.h's feature macros.
#include <jerror.h>

/// libjpeg's error manager extended with our jump target and the status to report.
typedef struct {
  struct jpeg_error_mgr base;
  jmp_buf jump;
  weir_image_status status;
  weir_image_header *header;
} weir_jpeg_error;

static void weir_jpeg_fail(j_common_ptr cinfo, weir_image_status status) {
  weir_jpeg_error *err = (weir_jpeg_error *)cinfo->err;
  char text[JMSG_LENGTH_MAX];
  (*cinfo->err->format_message)(cinfo, text);
  snprintf(err->header->message, sizeof err->header->message, "%s", text);
  err->status = status;
  longjmp(err->jump, 1);
}

/// Replaces libjpeg's error_exit (which calls exit()).
static void weir_jpeg_error_exit(j_common_ptr cinfo) {
  int code = cinfo->err->msg_code;
  weir_image_status status = WEIR_IMAGE_CORRUPT;
  if (code == JERR_INPUT_EOF) status = WEIR_IMAGE_TRUNCATED;
  if (code == JERR_BAD_PRECISION || code == JERR_CONVERSION_NOTIMPL || code == JERR_NOT_COMPILED)
    status = WEIR_IMAGE_UNSUPPORTED;
  weir_jpeg_fail(cinfo, status);
}

/// Warnings about damaged data end the decode (libjpeg would fill the rest with grey); harmless
/// ones (unknown JFIF version, stray bytes between markers, a bad ICC profile) are ignored.
static void weir_jpeg_emit_message(j_common_ptr cinfo, int msg_level) {
  if (msg_level >= 0) return;  // trace messages
  switch (cinfo->err->msg_code) {
  case JWRN_JPEG_EOF:
    weir_jpeg_fail(cinfo, WEIR_IMAGE_TRUNCATED);
    break;
  case JWRN_HIT_MARKER:
  case JWRN_HUFF_BAD_CODE:
  case JWRN_ARITH_BAD_CODE:
  case JWRN_MUST_RESYNC:
  case JWRN_NOT_SEQUENTIAL:
  case JWRN_BOGUS_PROGRESSION:
    weir_jpeg_fail(cinfo, WEIR_IMAGE_CORRUPT);
    break;
  default:
    cinfo->err->num_warnings++;
  }
}

/// The library never prints.
static void weir_jpeg_output_message(j_common_ptr cinfo) { (void)cinfo; }

static void weir_jpeg_setup(struct jpeg_decompress_struct *cinfo, weir_jpeg_error *err,
                            weir_image_header *header) {
  memset(header, 0, sizeof *header);
  cinfo->err = jpeg_std_error(&err->base);
  err->base.error_exit = weir_jpeg_error_exit;
  err->base.emit_message = weir_jpeg_emit_message;
  err->base.output_message = weir_jpeg_output_message;
  err->status = WEIR_IMAGE_OK;
  err->header = header;
}

weir_image_status weir_jpeg_read_header(const unsigned char *data, size_t size, weir_image_header *header) {
  struct jpeg_decompress_struct cinfo;
  weir_jpeg_error err;
  weir_jpeg_setup(&cinfo, &err, header);
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return ((volatile weir_jpeg_error *)&err)->status;  // changed between setjmp and longjmp
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, data, (unsigned long)size);
  jpeg_read_header(&cinfo, TRUE);
  header->width = (int)cinfo.image_width;
  header->height = (int)cinfo.image_height;
  jpeg_destroy_decompress(&cinfo);
  return WEIR_IMAGE_OK;
}

/// OpenCV's icvCvt_CMYK2BGR_8u_C4C3R (libjpeg delivers Adobe-style inverted CMYK), in place.
static void weir_cmyk_row_to_rgb(const unsigned char *cmyk, unsigned char *rgb, int width) {
  for (int x = 0; x < width; x++, cmyk += 4, rgb += 3) {
    int c = cmyk[0], m = cmyk[1], y = cmyk[2], k = cmyk[3];
    rgb[0] = (unsigned char)(k - ((255 - c) * k >> 8));
    rgb[1] = (unsigned char)(k - ((255 - m) * k >> 8));
    rgb[2] = (unsigned char)(k - ((255 - y) * k >> 8));
  }
}

weir_image_status weir_jpeg_decode_rgb(const unsigned char *data, size_t size, unsigned char *rgb,
                                       size_t capacity, weir_image_header *header) {
  struct jpeg_decompress_struct cinfo;
  weir_jpeg_error err;
  JSAMPARRAY cmykRow = NULL;  // from libjpeg's pool: freed by jpeg_destroy_decompress
  weir_jpeg_setup(&cinfo, &err, header);
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return ((volatile weir_jpeg_error *)&err)->status;  // changed between setjmp and longjmp
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, data, (unsigned long)size);
  jpeg_read_header(&cinfo, TRUE);
  int cmyk = cinfo.num_components == 4;
  cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
  jpeg_start_decompress(&cinfo);
  int width = (int)cinfo.output_width, height = (int)cinfo.output_height;
  header->width = width;
  header->height = height;
  if ((size_t)width * (size_t)height * 3 != capacity) {
    snprintf(header->message, sizeof header->message, "buffer of %zu bytes for a %dx%d image", capacity,
             width, height);
    jpeg_destroy_decompress(&cinfo);
    return WEIR_IMAGE_BAD_BUFFER;
  }
  if (cmyk)
    cmykRow = (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE, (JDIMENSION)width * 4, 1);
  while (cinfo.output_scanline < cinfo.output_height) {
    unsigned char *row = rgb + (size_t)cinfo.output_scanline * (size_t)width * 3;
    JSAMPROW rows[1] = {cmyk ? cmykRow[0] : row};
    // A memory source never suspends, so no progress would mean a loop forever: refuse instead.
    if (jpeg_read_scanlines(&cinfo, rows, 1) != 1) {
      snprintf(header->message, sizeof header->message, "decoder stopped at row %u", cinfo.output_scanline);
      jpeg_destroy_decompress(&cinfo);
      return WEIR_IMAGE_CORRUPT;
    }
    if (cmyk) weir_cmyk_row_to_rgb(cmykRow[0], row, width);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return WEIR_IMAGE_OK;
}
