// CWeirImage: the few lines of C that WeirVision needs around libjpeg and libpng.
//
// Both libraries report fatal errors through callbacks that must not return: libjpeg's default
// error_exit() calls exit(), libpng's default handler longjmps or aborts. Recovering from them needs
// setjmp(), which Swift cannot call (a function that returns twice). These wrappers own the
// setjmp/longjmp pairs, silence the libraries' stderr output, and turn every failure into a status
// code plus a message, so corrupt or truncated input can never end the process.
#ifndef CWEIRIMAGE_H
#define CWEIRIMAGE_H

#include <stddef.h>

/// The outcome of a decode call.
typedef enum {
  WEIR_IMAGE_OK = 0,
  /// The data ends before the image does.
  WEIR_IMAGE_TRUNCATED = 1,
  /// The data is damaged or not a valid stream of its format.
  WEIR_IMAGE_CORRUPT = 2,
  /// The stream is valid but uses a feature the decoder does not handle.
  WEIR_IMAGE_UNSUPPORTED = 3,
  /// The caller's buffer does not match the image (an internal error).
  WEIR_IMAGE_BAD_BUFFER = 4,
} weir_image_status;

/// What a header read or decode found; `message` is set when the status is not WEIR_IMAGE_OK.
typedef struct {
  int width;
  int height;
  char message[256];
} weir_image_header;

/// Reads the JPEG header (dimensions) without decoding pixels.
weir_image_status weir_jpeg_read_header(const unsigned char *data, size_t size, weir_image_header *header);

/// Decodes a JPEG into 8-bit RGB, row-major, `width * height * 3` bytes, with libjpeg's default
/// settings (islow IDCT, fancy upsampling); CMYK/YCCK is converted the way OpenCV's imread does.
weir_image_status weir_jpeg_decode_rgb(const unsigned char *data, size_t size, unsigned char *rgb,
                                       size_t capacity, weir_image_header *header);

/// Reads the PNG header (dimensions) without decoding pixels.
weir_image_status weir_png_read_header(const unsigned char *data, size_t size, weir_image_header *header);

/// Decodes a PNG of any bit depth and colour type into 8-bit RGB, `width * height * 3` bytes, with
/// the transforms OpenCV's imread uses: 16-bit is stripped to its high byte, alpha is dropped (not
/// composited), palette and low-bit grey are expanded, grey is replicated; no gamma correction.
weir_image_status weir_png_decode_rgb(const unsigned char *data, size_t size, unsigned char *rgb,
                                      size_t capacity, weir_image_header *header);

#endif
