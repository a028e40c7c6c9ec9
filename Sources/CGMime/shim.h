// GMime 3 for Swift: the headers, plus typed wrappers for the macros and variadic calls Swift cannot
// use directly. No logic here.
#ifndef ESPOMAIL_CGMIME_SHIM_H
#define ESPOMAIL_CGMIME_SHIM_H
#include <gmime/gmime.h>

static inline GMimeObject *cgmime_as_object(void *p) { return GMIME_OBJECT(p); }
static inline GMimeMessage *cgmime_as_message(void *p) { return GMIME_MESSAGE(p); }
static inline GMimeStream *cgmime_as_stream(void *p) { return GMIME_STREAM(p); }
static inline int cgmime_is_multipart(void *p) { return GMIME_IS_MULTIPART(p); }
static inline int cgmime_is_part(void *p) { return GMIME_IS_PART(p); }
static inline int cgmime_is_message_part(void *p) { return GMIME_IS_MESSAGE_PART(p); }
static inline GMimeMultipart *cgmime_as_multipart(void *p) { return GMIME_MULTIPART(p); }
static inline GMimePart *cgmime_as_part(void *p) { return GMIME_PART(p); }
static inline GMimeMessagePart *cgmime_as_message_part(void *p) { return GMIME_MESSAGE_PART(p); }
static inline GMimeStreamMem *cgmime_as_stream_mem(void *p) { return GMIME_STREAM_MEM(p); }
static inline GMimeStreamFilter *cgmime_as_stream_filter(void *p) { return GMIME_STREAM_FILTER(p); }
static inline int cgmime_is_address_group(void *p) { return INTERNET_ADDRESS_IS_GROUP(p); }
static inline int cgmime_is_address_mailbox(void *p) { return INTERNET_ADDRESS_IS_MAILBOX(p); }
static inline InternetAddressGroup *cgmime_as_address_group(void *p) { return INTERNET_ADDRESS_GROUP(p); }
static inline InternetAddressMailbox *cgmime_as_address_mailbox(void *p) { return INTERNET_ADDRESS_MAILBOX(p); }
static inline void cgmime_unref(void *p) { if (p) g_object_unref(p); }

#endif
