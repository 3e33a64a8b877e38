// setjmp-guarded libpng decoding; see CWeirImage.h for why this is C.
#include "CWeirImage.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <png.h>

/// Reader state: the bytes to read and where failures are reported.
typedef struct {
  const unsigned char *data;
  size_t size;
  size_t offset;
  weir_image_status status;
  weir_image_header *header;
} weir_png_source;

/// Replaces libpng's error handler (which prints, then longjmps or aborts). Must not return.
static void weir_png_error(png_structp png, png_const_charp message) {
  weir_png_source *src = (weir_png_source *)png_get_error_ptr(png);
  if (src->status == WEIR_IMAGE_OK) src->status = WEIR_IMAGE_CORRUPT;
  snprintf(src->header->message, sizeof src->header->message, "%s", message);
  png_longjmp(png, 1);
}

/// The library never prints; libpng's warnings (bad ancillary chunks and the like) are ignored.
static void weir_png_warning(png_structp png, png_const_charp message) {
  (void)png;
  (void)message;
}

static void weir_png_read(png_structp png, png_bytep out, size_t length) {
  weir_png_source *src = (weir_png_source *)png_get_io_ptr(png);
  if (length > src->size - src->offset) {
    src->status = WEIR_IMAGE_TRUNCATED;
    png_error(png, "truncated PNG data");
  }
  memcpy(out, src->data + src->offset, length);
  src->offset += length;
}

/// Reads the header and, when `rgb` is not NULL, the pixels, on a fresh read struct.
static weir_image_status weir_png_run(const unsigned char *data, size_t size, unsigned char *rgb,
                                      size_t capacity, weir_image_header *header) {
  memset(header, 0, sizeof *header);
  weir_png_source src = {data, size, 0, WEIR_IMAGE_OK, header};
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &src, weir_png_error, weir_png_warning);
  if (png == NULL) {
    snprintf(header->message, sizeof header->message, "libpng could not start");
    return WEIR_IMAGE_UNSUPPORTED;
  }
  png_infop info = png_create_info_struct(png);
  if (info == NULL || setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, info ? &info : NULL, NULL);
    // Read through a volatile lvalue: `src` changed between setjmp and longjmp.
    weir_image_status status = ((volatile weir_png_source *)&src)->status;
    return status == WEIR_IMAGE_OK ? WEIR_IMAGE_CORRUPT : status;
  }
  png_set_read_fn(png, &src, weir_png_read);
  png_read_info(png, info);
  png_uint_32 width = png_get_image_width(png, info), height = png_get_image_height(png, info);
  header->width = (int)width;
  header->height = (int)height;
  if (rgb != NULL) {
    int colorType = png_get_color_type(png, info), bitDepth = png_get_bit_depth(png, info);
    // The transforms of OpenCV's PngDecoder::readData for an 8-bit, 3-channel result.
    if (bitDepth == 16) png_set_strip_16(png);
    png_set_strip_alpha(png);
    if (colorType == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if ((colorType & PNG_COLOR_MASK_COLOR) == 0) {
      if (bitDepth < 8) png_set_expand_gray_1_2_4_to_8(png);
      png_set_gray_to_rgb(png);
    }
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    size_t rowBytes = (size_t)width * 3;
    if (png_get_rowbytes(png, info) != rowBytes || rowBytes * height != capacity) {
      snprintf(header->message, sizeof header->message, "unexpected row layout (%zu bytes per row)",
               (size_t)png_get_rowbytes(png, info));
      png_destroy_read_struct(&png, &info, NULL);
      return WEIR_IMAGE_BAD_BUFFER;
    }
    for (int pass = 0; pass < passes; pass++)
      for (png_uint_32 y = 0; y < height; y++) png_read_row(png, rgb + rowBytes * y, NULL);
    png_read_end(png, NULL);
  }
  png_destroy_read_struct(&png, &info, NULL);
  return WEIR_IMAGE_OK;
}

weir_image_status weir_png_read_header(const unsigned char *data, size_t size, weir_image_header *header) {
  return weir_png_run(data, size, NULL, 0, header);
}

weir_image_status weir_png_decode_rgb(const unsigned char *data, size_t size, unsigned char *rgb,
                                      size_t capacity, weir_image_header *header) {
  if (rgb == NULL) {
    memset(header, 0, sizeof *header);
    snprintf(header->message, sizeof header->message, "no output buffer");
    return WEIR_IMAGE_BAD_BUFFER;
  }
  return weir_png_run(data, size, rgb, capacity, header);
}
