// case: 31 JavaScript: child_process and process.binding may "succeed", but only inside the
//   same unprivileged sandbox (the image has no JavaScript runtime yet: node is not found)
// expect: ok runtime_error
// process: contained (same uid checks; node may be absent)
const { execSync } = require("child_process");
const id = execSync("id").toString();
console.log(id.includes("uid=0(") ? "LEAK root" : "SAFE " + id.trim());
