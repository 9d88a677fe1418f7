'use strict';

// s3rver 3.7.1 as S3 behaves: an object becomes visible only once it is whole.
//
// s3rver writes a PUT's body in place and answers before the file is flushed, and a HEAD that finds the object's file
// but not yet its MD5 computes one from the part written so far and keeps it. With two servers saving the same file at
// once, a later read then fails the SDK's check ("Expected hash not equal to calculated hash"), a fault of the test
// server that S3, MinIO and Ceph do not have. Here each object, its MD5 and its metadata go to temporary files that are
// renamed into place after they are written, the object last; then s3rver's own command line runs with our arguments.

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { Readable, Transform } = require('stream');
const { pipeline } = require('stream/promises');
const FilesystemStore = require('s3rver/lib/stores/filesystem');
const S3Object = require('s3rver/lib/models/object');

async function writeWhole(target, write) {
  const temp = `${target}.${crypto.randomBytes(6).toString('hex')}.partial`; // never listed: not an "._S3rver_object"
  try {
    await write(temp);
    await fs.promises.rename(temp, target);
  } catch (err) {
    await fs.promises.rm(temp, { force: true });
    throw err;
  }
}

FilesystemStore.prototype.putObject = async function putObject(object) {
  const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
  await fs.promises.mkdir(path.dirname(objectPath), { recursive: true });

  const md5Context = crypto.createHash('md5');
  let size = 0;
  const content = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
  const body = `${objectPath}.${crypto.randomBytes(6).toString('hex')}.partial`;
  try {
    await pipeline(
      content,
      new Transform({
        transform(chunk, encoding, callback) {
          md5Context.update(chunk, encoding);
          size += chunk.length;
          callback(null, chunk);
        },
      }),
      fs.createWriteStream(body), // the pipeline ends when this file is closed, not when the body is received
    );
    const md5 = md5Context.digest('hex');
    const metadata = Object.fromEntries(Object.entries(object.metadata)
      .filter(([key]) => S3Object.ALLOWED_METADATA.includes(key) || key.startsWith('x-amz-meta-')));
    await writeWhole(this.getResourcePath(object.bucket, object.key, 'metadata.json'), temp => fs.promises.writeFile(temp, JSON.stringify(metadata, null, 2)));
    await writeWhole(`${objectPath}.md5`, temp => fs.promises.writeFile(temp, md5));
    await fs.promises.rename(body, objectPath);
    return { size, md5 };
  } catch (err) {
    await fs.promises.rm(body, { force: true });
    throw err;
  }
};

require('s3rver/bin/s3rver.js');
